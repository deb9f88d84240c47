CLARIFAI_PAT: string;
