const key = process.env.CLARIFAI_PAT;
console.log('Clarifai key set:', Boolean(key), key ? 'yes' : 'no');
console.log('url', 'https://api.clarifai.com/v2/models');
fetch('https://api.clarifai.com/v2/models', { headers: { Authorization: 'Key ' + key } });
