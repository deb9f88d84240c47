import OpenAI from 'openai';

// Clarifai's OpenAI-compatible endpoint: the OpenAI client, Clarifai's base URL, the PAT as the Bearer token.
const clarifai = new OpenAI({
  baseURL: 'https://api.clarifai.com/v2/ext/openai/v1',
  apiKey: process.env.CLARIFAI_PAT,
});

export async function chat(prompt) {
  const completion = await clarifai.chat.completions.create({
    model: 'https://clarifai.com/openai/chat-completion/models/gpt-oss-120b',
    messages: [{ role: 'user', content: prompt }],
  });
  return completion.choices[0].message.content;
}

export async function chatRaw(prompt) {
  const res = await fetch('https://api.clarifai.com/v2/ext/openai/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.CLARIFAI_PAT}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'https://clarifai.com/openai/chat-completion/models/gpt-oss-120b', messages: [{ role: 'user', content: prompt }] }),
  });
  return (await res.json()).choices[0].message.content;
}
