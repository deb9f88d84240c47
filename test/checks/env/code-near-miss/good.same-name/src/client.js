import 'dotenv/config';

const key = process.env.CLARIFAI_API_KEY;
export const headers = { Authorization: `Key ${key}` };
