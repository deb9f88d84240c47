const axios = require('axios');

const PAT = process.env.CLARIFAI_PAT;

async function tag(url) {
  const res = await axios.post(
    'https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs',
    { inputs: [{ data: { image: { url } } }] },
    { headers: { Authorization: `Key ${PAT}` } },
  );
  return res.data.outputs[0].data.concepts.map((c) => c.name);
}

tag('https://samples.clarifai.com/metro-north.jpg').then(console.log);
