// A tiny Clarifai client with the usual mistakes planted in its configuration (see README.md); `keydoctor demo` diagnoses it.
import 'dotenv/config';

const base = process.env.CLARIFAI_API_BASE ?? 'https://api.clarifai.com';
const userId = process.env.CLARIFAI_USER_ID;
const appId = process.env.CLARIFAI_APP_ID;

const response = await fetch(`${base}/v2/users/${userId}/apps/${appId}/models/general-image-recognition/outputs`, {
  method: 'POST',
  headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({ inputs: [{ data: { image: { url: 'https://samples.clarifai.com/dog2.jpeg' } } }] }),
});
const body = await response.json();
if (body.status.code !== 10000) throw new Error(`${body.status.description}: ${body.status.details}`);
console.log(body.outputs[0].data.concepts.map((c) => `${c.name} ${c.value.toFixed(2)}`).join('\n'));
