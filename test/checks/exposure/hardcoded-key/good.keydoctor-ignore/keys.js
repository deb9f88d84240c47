// Fixture for our own tests.
const PAT = '3f9a6d0c8b7e4a2190f1c3d5e7b90000'; // keydoctor-ignore: exposure/hardcoded-key -- test fixture
const stub = require('clarifai-nodejs-grpc').ClarifaiStub.grpc();
