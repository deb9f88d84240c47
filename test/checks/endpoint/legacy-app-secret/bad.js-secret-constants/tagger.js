const Clarifai = require('clarifai');
const { CLARIFAI_CLIENT_ID, CLARIFAI_CLIENT_SECRET } = require('./config');

const app = new Clarifai.App(CLARIFAI_CLIENT_ID, CLARIFAI_CLIENT_SECRET);

module.exports = function tag(url) {
  return app.models.predict(Clarifai.GENERAL_MODEL, url).then((res) => res.outputs[0].data.concepts);
};
