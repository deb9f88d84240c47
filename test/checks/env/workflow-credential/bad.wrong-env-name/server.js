const express = require('express');

const app = express();
app.use(express.json({ limit: '10mb' }));

app.post('/api/tag', async (req, res) => {
  const r = await fetch('https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs', {
    method: 'POST',
    headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ inputs: [{ data: { image: { url: req.body.url } } }] }),
  });
  res.status(r.status).json(await r.json());
});

app.listen(process.env.PORT || 8080);
