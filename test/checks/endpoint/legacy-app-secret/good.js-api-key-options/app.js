const Clarifai = require('clarifai');

// An options object is the API-key form (endpoint/legacy-client's business), not the id/secret pair.
const app = new Clarifai.App({ apiKey: process.env.CLARIFAI_API_KEY }, undefined);
module.exports = app;
