// Tags a photo with Clarifai, then asks Claude for a one-line caption built from the tags.
const CLARIFAI_PREDICT = 'https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs';
const ANTHROPIC_MESSAGES = 'https://api.anthropic.com/v1/messages';

interface Concept {
  name: string;
  value: number;
}

export async function tagsFor(imageUrl: string): Promise<string[]> {
  const res = await fetch(CLARIFAI_PREDICT, {
    method: 'POST',
    headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ inputs: [{ data: { image: { url: imageUrl } } }] }),
  });
  const json = await res.json();
  return (json.outputs?.[0]?.data?.concepts ?? []).filter((c: Concept) => c.value > 0.9).map((c: Concept) => c.name);
}

export async function captionFor(tags: string[]): Promise<string> {
  const res = await fetch(ANTHROPIC_MESSAGES, {
    method: 'POST',
    headers: {
      'x-api-key': process.env.ANTHROPIC_API_KEY ?? '',
      'anthropic-version': '2023-06-01',
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      model: 'claude-3-5-haiku-latest',
      max_tokens: 120,
      messages: [{ role: 'user', content: `Write one friendly sentence about a photo showing: ${tags.join(', ')}` }],
    }),
  });
  const json = await res.json();
  return json.content?.[0]?.text ?? '';
}
