const express = require('express');
const app = express();
const PAT = process.env.CLARIFAI_PAT;

app.post('/api/tag', async (req, res) => {
  const r = await fetch('https://api.clarifai.com/v2/models/general-image-recognition/outputs', {
    method: 'POST',
    headers: { Authorization: 'Key ' + PAT },
  });
  res.json(await r.json());
});
app.listen(3001);
