import 'dotenv/config';

const USER_ID = process.env.CLARIFAI_USER_ID;
const APP_ID = process.env.CLARIFAI_APP_ID;

// Clarifai's General model: the owner comes from .env, which names clarifai/main.
export async function tags(imageUrl: string): Promise<string[]> {
  const response = await fetch(`https://api.clarifai.com/v2/users/${USER_ID}/apps/${APP_ID}/models/general-image-recognition/outputs`, {
    method: 'POST',
    headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ inputs: [{ data: { image: { url: imageUrl } } }] }),
  });
  const body = await response.json();
  return body.outputs[0].data.concepts.map((c: { name: string }) => c.name);
}
