// Migrated from the old client: CLARIFAI_CLIENT_ID and CLARIFAI_CLIENT_SECRET are gone,
// the code reads process.env.CLARIFAI_CLIENT_SECRET nowhere now. Use a PAT.
const { ClarifaiStub, grpc } = require('clarifai-nodejs-grpc');

const stub = ClarifaiStub.grpc();
const metadata = new grpc.Metadata();
metadata.set('authorization', 'Key ' + process.env.CLARIFAI_PAT);

stub.PostModelOutputs(
  {
    user_app_id: { user_id: 'clarifai', app_id: 'main' },
    model_id: 'general-image-recognition',
    inputs: [{ data: { image: { url: 'https://samples.clarifai.com/metro-north.jpg' } } }],
  },
  metadata,
  (err, response) => {
    if (err) throw err;
    console.log(response.outputs[0].data.concepts);
  },
);
