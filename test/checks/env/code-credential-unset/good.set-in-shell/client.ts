const key: string = process.env.API_KEY!;
export const headers = { Authorization: `Key ${key}` };
export const url = 'https://api.clarifai.com/v2/models/general-image-recognition/outputs';
