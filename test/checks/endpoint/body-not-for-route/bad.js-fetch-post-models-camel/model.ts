const BASE = 'https://api.clarifai.com/v2';

export async function getModel(modelId: string, versionId: string) {
  const res = await fetch(`${BASE}/models`, {
    method: 'POST',
    headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ modelId, versionId }),
  });
  return res.json();
}
