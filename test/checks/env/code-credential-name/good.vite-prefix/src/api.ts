const PAT = import.meta.env.VITE_CLARIFAI_PAT;
export const headers = { Authorization: `Key ${PAT}` };
export const url = 'https://api.clarifai.com/v2/models/general-image-recognition/outputs';
