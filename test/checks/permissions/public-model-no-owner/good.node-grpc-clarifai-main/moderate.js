// Flags uploads that the NSFW model scores above a threshold.
const { ClarifaiStub, grpc } = require("clarifai-nodejs-grpc");

const stub = ClarifaiStub.grpc();
const metadata = new grpc.Metadata();
metadata.set("authorization", "Key " + process.env.CLARIFAI_PAT);

function isUnsafe(imageUrl) {
  return new Promise((resolve, reject) => {
    stub.PostModelOutputs(
      {
        user_app_id: { user_id: "clarifai", app_id: "main" },
        model_id: "nsfw-recognition",
        inputs: [{ data: { image: { url: imageUrl, allow_duplicate_url: true } } }],
      },
      metadata,
      (err, response) => {
        if (err) return reject(err);
        const nsfw = response.outputs[0].data.concepts.find((c) => c.name === "nsfw");
        resolve(nsfw && nsfw.value > 0.8);
      }
    );
  });
}

module.exports = { isUnsafe };
