const { ClarifaiStub, grpc } = require('clarifai-nodejs-grpc');

const PAT = '3f9a6d0c8b7e4a2190f1c3d5e7b90000';
const stub = ClarifaiStub.grpc();
const metadata = new grpc.Metadata();
metadata.set('authorization', 'Key ' + PAT);
