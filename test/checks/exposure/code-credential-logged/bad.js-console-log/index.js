require('dotenv').config();

const apiKey = process.env.CLARIFAI_PAT;
console.log('Clarifai key:', apiKey);

fetch('https://api.clarifai.com/v2/models/general-image-recognition/outputs', {
  method: 'POST',
  headers: { Authorization: `Key ${apiKey}` },
});
