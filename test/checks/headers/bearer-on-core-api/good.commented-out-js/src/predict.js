import 'dotenv/config';

const MODEL_URL = 'https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs';

// Old version, kept for reference until the migration is done:
// const response = await fetch(MODEL_URL, {
//   headers: { Authorization: `Bearer ${process.env.CLARIFAI_PAT}` },
// });

/*
 * Do not send the PAT as a Bearer token here, Clarifai answers 11102:
 *   fetch(MODEL_URL, { headers: { Authorization: 'Bearer ' + process.env.CLARIFAI_PAT } })
 */
export async function predict(imageUrl) {
  const response = await fetch(MODEL_URL, {
    method: 'POST',
    headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ inputs: [{ data: { image: { url: imageUrl } } }] }),
  });
  return response.json();
}
