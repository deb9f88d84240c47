const urls = ['https://samples.clarifai.com/metro-north.jpg'];
for (const url of urls) {
  await fetch('https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs', {
    method: 'POST',
    headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` },
    body: JSON.stringify({ inputs: [{ data: { image: { url } } }] }),
  });
}
