import { ClarifaiStub, grpc } from 'clarifai-nodejs-grpc';

const PAT = process.env.CLARIFAI_PAT;
const stub = ClarifaiStub.grpc();
const metadata = new grpc.Metadata();
metadata.set('authorization', `Key ${PAT}`);

export function predict(url) {
  return new Promise((resolve, reject) => {
    stub.PostModelOutputs(
      {
        user_app_id: { user_id: 'clarifai', app_id: 'main' },
        model_id: 'food-item-recognition',
        inputs: [{ data: { image: { url } } }],
      },
      metadata,
      (err, res) => (err ? reject(err) : resolve(res.outputs[0].data.concepts)),
    );
  });
}
