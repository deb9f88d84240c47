// Our own model: an app key on the short path reaches the key's own app.
export const predict = (url) =>
  fetch('https://api.clarifai.com/v2/models/dog-breeds/outputs', {
    method: 'POST',
    headers: { Authorization: `Key ${process.env.CLARIFAI_API_KEY}` },
    body: JSON.stringify({ inputs: [{ data: { image: { url } } }] }),
  });
