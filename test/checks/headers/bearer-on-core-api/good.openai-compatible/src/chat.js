export async function chat(prompt) {
  const res = await fetch('https://api.clarifai.com/v2/ext/openai/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.CLARIFAI_PAT}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      model: 'https://clarifai.com/openai/chat-completion/models/gpt-oss-120b',
      messages: [{ role: 'user', content: prompt }],
    }),
  });
  return res.json();
}
