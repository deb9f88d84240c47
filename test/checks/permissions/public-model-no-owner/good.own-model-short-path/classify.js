// Our own fine-tuned model, called with the app's API key on the short path: the key implies the app.
const API_KEY = process.env.CLARIFAI_API_KEY;

export async function classify(url) {
  const res = await fetch('https://api.clarifai.com/v2/models/shoe-styles-v3/outputs', {
    method: 'POST',
    headers: { Authorization: `Key ${API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ inputs: [{ data: { image: { url } } }] }),
  });
  return (await res.json()).outputs[0].data.concepts;
}
