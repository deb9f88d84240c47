export const tags = (url) =>
  fetch('https://api.clarifai.com/v2/models/general-image-recognition/outputs', {
    method: 'POST',
    headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` },
    body: JSON.stringify({ inputs: [{ data: { image: { url } } }] }),
  });
