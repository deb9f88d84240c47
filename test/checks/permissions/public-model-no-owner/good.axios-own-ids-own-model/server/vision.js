// Our own trained model, named with our own user and app.
const axios = require('axios');

const USER_ID = process.env.CLARIFAI_USER_ID;
const APP_ID = process.env.CLARIFAI_APP_ID;

async function concepts(imageUrl) {
  const { data } = await axios.post(
    `https://api.clarifai.com/v2/users/${USER_ID}/apps/${APP_ID}/models/store-shelf-classifier/outputs`,
    { inputs: [{ data: { image: { url: imageUrl } } }] },
    { headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` } },
  );
  return data.outputs[0].data.concepts.map((c) => c.name);
}

module.exports = { concepts };
