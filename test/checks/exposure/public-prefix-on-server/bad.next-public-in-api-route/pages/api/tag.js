export default async function handler(req, res) {
  const r = await fetch('https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs', {
    method: 'POST',
    headers: { Authorization: `Key ${process.env.NEXT_PUBLIC_CLARIFAI_PAT}` },
    body: JSON.stringify({ inputs: [{ data: { image: { url: req.body.url } } }] }),
  });
  res.status(200).json(await r.json());
}
