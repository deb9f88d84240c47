const { ClarifaiStub, grpc } = require('clarifai-nodejs-grpc');

// Before 2017 this used CLARIFAI_CLIENT_ID / CLARIFAI_CLIENT_SECRET; a PAT now.
const stub = ClarifaiStub.grpc();
const metadata = new grpc.Metadata();
metadata.set('authorization', `Key ${process.env.CLARIFAI_PAT}`);

module.exports = function tags(url) {
  return new Promise((resolve, reject) => {
    stub.PostModelOutputs(
      { user_app_id: { user_id: 'clarifai', app_id: 'main' }, model_id: 'general-image-recognition', inputs: [{ data: { image: { url } } }] },
      metadata,
      (err, res) => (err ? reject(err) : resolve(res.outputs[0].data.concepts)),
    );
  });
};
