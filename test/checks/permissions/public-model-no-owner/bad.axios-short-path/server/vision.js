// Express route that asks Clarifai for the general model's concepts.
const axios = require('axios');

const CLARIFAI = 'https://api.clarifai.com';

async function concepts(imageUrl, token) {
  const { data } = await axios.post(
    `${CLARIFAI}/v2/models/general-image-recognition/outputs`,
    { inputs: [{ data: { image: { url: imageUrl } } }] },
    { headers: { Authorization: `Key ${token}` } },
  );
  return data.outputs[0].data.concepts.map((c) => c.name);
}

module.exports = { concepts };
