// Called from the components; no React here.
const MODEL_URL = 'https://api.clarifai.com/v2/users/clarifai/apps/main/models/food-item-recognition/outputs';

export async function recognizeFood(base64) {
  const response = await fetch(MODEL_URL, {
    method: 'POST',
    headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` },
    body: JSON.stringify({ inputs: [{ data: { image: { base64 } } }] }),
  });
  return response.json();
}
