import { env } from '$env/dynamic/private';

export async function tag(url: string) {
  const res = await fetch('https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs', {
    method: 'POST',
    headers: { Authorization: `Key ${env.CLARIFAI_PAT}` },
    body: JSON.stringify({ inputs: [{ data: { image: { url } } }] }),
  });
  return res.json();
}
