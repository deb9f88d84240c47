export async function tag(url: string) {
  const res = await fetch('https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs', {
    method: 'POST',
    headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` },
    body: JSON.stringify({ inputs: [{ data: { image: { url } } }] }),
  });
  return (await res.json()).outputs[0].data.concepts;
}
