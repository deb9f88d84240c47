// The test-wide network guard refuses non-loopback connections and lets loopback through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect } from 'node:net';
import { once } from 'node:events';

test('a connection beyond loopback is refused by the guard', async () => {
  const socket = connect({ host: '203.0.113.7', port: 443 });
  const [error] = (await once(socket, 'error')) as [NodeJS.ErrnoException];
  assert.equal(error.code, 'ECONNREFUSED');
  assert.match(error.message, /blocked: tests reach loopback only/u);
});

test('fetch to a public host fails without leaving the machine', async () => {
  await assert.rejects(fetch('https://api.clarifai.com/v2/users/me'));
});

test('loopback connections still work', async () => {
  const server = createServer((s) => s.end('hi'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  const socket = connect({ host: '127.0.0.1', port });
  socket.setEncoding('utf8');
  const [data] = (await once(socket, 'data')) as [string];
  assert.equal(data, 'hi');
  server.close();
});
