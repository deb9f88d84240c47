require('dotenv').config();

const headers = { Authorization: 'Key ' + process.env.API_KEY };
fetch('https://api.clarifai.com/v2/models/general-image-recognition/outputs', { method: 'POST', headers });
