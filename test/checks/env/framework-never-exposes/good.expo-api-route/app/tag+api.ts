export async function POST(request: Request) {
  const { url } = await request.json();
  const r = await fetch('https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs', {
    method: 'POST',
    headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` },
    body: JSON.stringify({ inputs: [{ data: { image: { url } } }] }),
  });
  return Response.json(await r.json());
}
