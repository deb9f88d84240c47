const express = require('express');
const client = require(process.env.TAGGER_CLIENT || './tagger');

const server = express();
server.get('/tags', async (req, res) => res.json(await client.tags(req.query.url)));
server.listen(3000);
