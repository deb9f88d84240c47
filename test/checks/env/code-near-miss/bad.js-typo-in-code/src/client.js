import 'dotenv/config';

const key = process.env.CLARIFIAI_API_KEY;
export const headers = { Authorization: `Key ${key}` };
