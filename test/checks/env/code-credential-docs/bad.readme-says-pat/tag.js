import { readFileSync } from 'node:fs';

const KEY = process.env.CLARIFAI_API_KEY;

const body = { inputs: [{ data: { image: { base64: readFileSync(process.argv[2]).toString('base64') } } }] };
const res = await fetch('https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs', {
  method: 'POST',
  headers: { Authorization: 'Key ' + KEY },
  body: JSON.stringify(body),
});
console.log(await res.json());
