import { NextResponse } from 'next/server';

export async function POST(req: Request) {
  const { url } = await req.json();
  const r = await fetch('https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs', {
    method: 'POST',
    headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ inputs: [{ data: { image: { url } } }] }),
  });
  return NextResponse.json(await r.json());
}
