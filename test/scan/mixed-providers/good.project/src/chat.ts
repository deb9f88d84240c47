import OpenAI from 'openai';

// Clarifai's OpenAI-compatible endpoint: Bearer and the PAT are right here.
const clarifai = new OpenAI({ baseURL: 'https://api.clarifai.com/v2/ext/openai/v1', apiKey: process.env.CLARIFAI_PAT });

const AZURE_ENDPOINT = 'https://contoso-east.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-06-01';

export async function viaClarifai(prompt: string): Promise<string> {
  const r = await clarifai.chat.completions.create({
    model: 'https://clarifai.com/openai/chat-completion/models/gpt-oss-120b',
    messages: [{ role: 'user', content: prompt }],
  });
  return r.choices[0]?.message?.content ?? '';
}

export async function viaAnthropic(prompt: string): Promise<string> {
  const res = await fetch('https://api.anthropic.com/v1/messages', {
    method: 'POST',
    headers: {
      'x-api-key': process.env.ANTHROPIC_API_KEY ?? '',
      'anthropic-version': '2023-06-01',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ model: 'claude-3-5-haiku-latest', max_tokens: 300, messages: [{ role: 'user', content: prompt }] }),
  });
  const json = await res.json();
  return json.content?.[0]?.text ?? '';
}

export async function viaAzure(prompt: string): Promise<string> {
  const res = await fetch(AZURE_ENDPOINT, {
    method: 'POST',
    headers: { 'api-key': process.env.AZURE_OPENAI_API_KEY ?? '', 'Content-Type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: prompt }] }),
  });
  return (await res.json()).choices[0].message.content;
}

export async function viaGemini(prompt: string): Promise<string> {
  const res = await fetch('https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent', {
    method: 'POST',
    headers: { 'x-goog-api-key': process.env.GEMINI_API_KEY ?? '', 'Content-Type': 'application/json' },
    body: JSON.stringify({ contents: [{ parts: [{ text: prompt }] }] }),
  });
  return (await res.json()).candidates[0].content.parts[0].text;
}
