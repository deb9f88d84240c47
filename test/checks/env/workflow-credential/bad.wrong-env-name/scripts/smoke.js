const r = await fetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` } });
if (!r.ok) {
  console.error('Clarifai said', r.status, await r.text());
  process.exit(1);
}
