const axios = require('axios');

module.exports = async function foodTags(imageUrl) {
  const { data } = await axios.post(
    'https://api.clarifai.com/v2/users/clarifai/apps/main/models/Food/outputs',
    { inputs: [{ data: { image: { url: imageUrl } } }] },
    { headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` } },
  );
  return data.outputs[0].data.concepts;
};
