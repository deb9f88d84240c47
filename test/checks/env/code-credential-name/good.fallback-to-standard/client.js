const pat = process.env.MY_KEY || process.env.CLARIFAI_PAT;
module.exports = { headers: { Authorization: 'Key ' + pat }, url: 'https://api.clarifai.com/v2/models' };
