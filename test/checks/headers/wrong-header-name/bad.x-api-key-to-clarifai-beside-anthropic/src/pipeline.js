// Moderation first (Clarifai), then a summary (Anthropic). The Clarifai call copies Anthropic's header by mistake.
const axios = require('axios');

const anthropic = axios.create({
  baseURL: 'https://api.anthropic.com',
  headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY, 'anthropic-version': '2023-06-01' },
});

async function moderate(imageUrl) {
  const { data } = await axios.post(
    'https://api.clarifai.com/v2/users/clarifai/apps/main/models/moderation-recognition/outputs',
    { inputs: [{ data: { image: { url: imageUrl } } }] },
    { headers: { 'x-api-key': process.env.CLARIFAI_PAT } },
  );
  return data.outputs[0].data.concepts;
}

async function summarise(text) {
  const { data } = await anthropic.post('/v1/messages', {
    model: 'claude-3-5-haiku-latest',
    max_tokens: 200,
    messages: [{ role: 'user', content: text }],
  });
  return data.content[0].text;
}

module.exports = { moderate, summarise };
