// Preloaded into every test process (and its node children): any TCP connection beyond loopback fails at once.
// Tests must never reach the network; this turns a forgotten --offline into a refused connection, not a request.
import net from 'node:net';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3}|\[::1\])$/iu;
const original = net.Socket.prototype.connect;
/** Every refused attempt, so a test can assert that keydoctor's own policy stopped a request before any connection. */
const blocked = (globalThis[Symbol.for('keydoctor.test.blockedConnects')] ??= []);

function targetHost(args) {
  let first = args[0];
  // Node passes normalized [options, callback] arrays internally.
  if (Array.isArray(first)) first = first[0];
  if (first && typeof first === 'object') return first.path !== undefined ? undefined : (first.host ?? 'localhost');
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/u.test(first))) {
    return typeof args[1] === 'string' ? args[1] : 'localhost';
  }
  return undefined; // a unix socket path
}

net.Socket.prototype.connect = function guardedConnect(...args) {
  const host = targetHost(args);
  if (host !== undefined && !LOOPBACK.test(host)) {
    blocked.push(host);
    const error = Object.assign(new Error(`connect ECONNREFUSED ${host} (blocked: tests reach loopback only)`), {
      code: 'ECONNREFUSED',
      syscall: 'connect',
      address: host,
    });
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return original.apply(this, args);
};
