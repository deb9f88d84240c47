// Emulator throughput: autocannon against its rejected-auth path (11009) and, in the same run, a plain node:http hello server.
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('../../', import.meta.url));
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = 3;
const CONNECTIONS = 10;
const FAKE_KEY = '3f9a6d0c8b7e4a2190f1c3d5e7b90000'; // not in the demo state: every request is a 11009

execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });

// Each server runs in its own process on 127.0.0.1 (random port), so autocannon here does not share its event loop.
// A line on its stdin asks for its CPU time so far: CPU per request holds steady on a busy machine, req/s does not.
const cpuProbe = `process.stdin.on('data', () => { const u = process.cpuUsage(); console.log(JSON.stringify(u.user + u.system)); });`;
const servers = {
  plain: `
    import { createServer } from 'node:http';
    const s = createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"hello":"world"}'); });
    s.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + s.address().port));
    ${cpuProbe}`,
  emulator: `
    import { startEmulator } from ${JSON.stringify(new URL('dist/emulator/index.js', `file://${root}`).href)};
    const e = await startEmulator({});
    console.log(e.restUrl);
    ${cpuProbe}`,
};

function start(name) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', servers[name]], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve({ url: String(d).trim(), child }));
    child.once('exit', (code) => reject(new Error(`${name} server exited with ${code}`)));
  });
}

async function measure(name, path, headers) {
  const { url, child } = await start(name);
  try {
    const probe = await fetch(url + path, { headers });
    const body = await probe.text();
    if (name === 'emulator' && !body.includes('"code":11009')) throw new Error(`expected a 11009 answer, got ${probe.status} ${body}`);
    // A short warm-up so both servers are measured with JIT-compiled handlers.
    await autocannon({ url: url + path, headers, connections: CONNECTIONS, duration: 1 });
    const cpu = () =>
      new Promise((resolve) => {
        child.stdout.once('data', (d) => resolve(Number(String(d).trim())));
        child.stdin.write('cpu\n');
      });
    const cpuBefore = await cpu();
    const r = await autocannon({ url: url + path, headers, connections: CONNECTIONS, duration: DURATION_S });
    const cpuUs = (await cpu()) - cpuBefore;
    if (r.errors > 0 || r.timeouts > 0) throw new Error(`${name}: ${r.errors} errors, ${r.timeouts} timeouts`);
    return { rps: r.requests.average, p99: r.latency.p99, cpuPerRequestUs: cpuUs / r.requests.total };
  } finally {
    child.kill('SIGTERM');
  }
}

// Rounds alternate the two servers, so a busy neighbour on the machine slows both alike; the median round is reported.
const runs = { plain: [], emulator: [] };
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? ['plain', 'emulator'] : ['emulator', 'plain'];
  for (const name of order) {
    runs[name].push(name === 'plain' ? await measure('plain', '/', {}) : await measure('emulator', '/v2/models', { authorization: `Key ${FAKE_KEY}` }));
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (name) => ({ rps: median(runs[name].map((r) => r.rps)), p99: median(runs[name].map((r) => r.p99)), cpu: median(runs[name].map((r) => r.cpuPerRequestUs)) });
const plain = summary('plain');
const rejected = summary('emulator');

console.log(`\nautocannon, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION_S} s (median shown), 127.0.0.1, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs\n`);
console.log('| Server | req/s (median) | p99 latency (ms, median) | server CPU per request (µs, median) |');
console.log('|---|---:|---:|---:|');
console.log(`| plain node:http hello server | ${Math.round(plain.rps)} | ${plain.p99} | ${plain.cpu.toFixed(1)} |`);
console.log(`| emulator, rejected auth (11009) on GET /v2/models | ${Math.round(rejected.rps)} | ${rejected.p99} | ${rejected.cpu.toFixed(1)} |`);
console.log(`\nper round (plain / emulator req/s): ${runs.plain.map((p, i) => `${Math.round(p.rps)} / ${Math.round(runs.emulator[i].rps)}`).join(', ')}`);
console.log(`emulator / plain throughput: ${((rejected.rps / plain.rps) * 100).toFixed(0)}% (aim ≥ 50%); by CPU per request: ${((plain.cpu / rejected.cpu) * 100).toFixed(0)}%; emulator p99 ${rejected.p99} ms (aim < 5 ms)`);
