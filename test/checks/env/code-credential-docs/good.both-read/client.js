const key = process.env.CLARIFAI_PAT || process.env.CLARIFAI_API_KEY;
export const headers = { Authorization: `Key ${key}` };
export const base = 'https://api.clarifai.com/v2';
