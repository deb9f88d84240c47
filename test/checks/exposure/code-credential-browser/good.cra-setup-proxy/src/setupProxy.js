// Runs in the development server (Node), not in the page: the key stays on this machine.
const { createProxyMiddleware } = require('http-proxy-middleware');

module.exports = function (app) {
  app.use('/clarifai', createProxyMiddleware({
    target: 'https://api.clarifai.com',
    changeOrigin: true,
    pathRewrite: { '^/clarifai': '' },
    headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` },
  }));
};
