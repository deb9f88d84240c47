const { grpc } = require('clarifai-nodejs-grpc');
const { V2Client } = require('clarifai-nodejs-grpc/proto/clarifai/api/service_grpc_pb');
const client = new V2Client('https://api.clarifai.com', grpc.ChannelCredentials.createSsl());
