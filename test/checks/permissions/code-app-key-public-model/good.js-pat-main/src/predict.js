import 'dotenv/config';

const MODEL_URL = 'https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs';

export async function predict(imageUrl) {
  const response = await fetch(MODEL_URL, {
    method: 'POST',
    headers: {
      Authorization: `Key ${process.env.CLARIFAI_PAT}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ inputs: [{ data: { image: { url: imageUrl } } }] }),
  });
  return response.json();
}
