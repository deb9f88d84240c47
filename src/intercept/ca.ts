// A certificate authority made fresh for one `keydoctor run`: its key never leaves memory, and it signs one leaf for Clarifai's API hosts only.
import { generateKeyPair, randomBytes, sign, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { CLARIFAI_API_HOSTS } from './hosts.js';

export interface RunCa {
  /** The 0700 folder that holds the certificate files (no private key is ever written there). */
  dir: string;
  /** The CA certificate alone (for NODE_EXTRA_CA_CERTS, which adds to Node's roots). */
  caFile: string;
  /** The CA followed by the public roots Node ships (for runtimes whose variable replaces their roots). */
  bundleFile: string;
  caPem: string;
  /** The leaf the proxy presents for Clarifai's hosts, and its key (in memory only). */
  leaf: { certPem: string; keyPem: string };
  /** Removes the folder; safe to call more than once and from an exit handler (synchronous). */
  dispose(): void;
}

const generate = promisify(generateKeyPair);

/** Node makes the keys natively, off the main thread (forge's pure-JS RSA takes seconds); forge only lays out the certificates. */
async function rsaKey(): Promise<{ privateKey: KeyObject; publicPem: string; privatePem: string }> {
  const { privateKey, publicKey } = await generate('rsa', { modulusLength: 2048 });
  return {
    privateKey,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** Makes the CA and the leaf, and writes the public certificates into a new 0700 temp folder. */
export async function createRunCa(hosts: readonly string[] = CLARIFAI_API_HOSTS): Promise<RunCa> {
  // node-forge is loaded only by `keydoctor run`, while the two keys are made in parallel.
  const [{ default: forge }, caKey, leafKey] = await Promise.all([import('node-forge'), rsaKey(), rsaKey()]);
  const { pki, asn1 } = forge;
  // forge's own sign() is pure-JS RSA (half a second each); Node signs the same TBS bytes natively.
  const signWith = (cert: import('node-forge').pki.Certificate, key: KeyObject) => {
    cert.signatureOid = cert.siginfo.algorithmOid = pki.oids.sha256WithRSAEncryption!;
    // getTBSCertificate is public in forge but missing from its type definitions.
    const tbs = asn1.toDer((pki as unknown as { getTBSCertificate(c: typeof cert): import('node-forge').asn1.Asn1 }).getTBSCertificate(cert)).getBytes();
    cert.signature = sign('sha256', Buffer.from(tbs, 'binary'), key).toString('binary');
  };
  const now = Date.now();
  const subject = [{ name: 'commonName', value: `keydoctor run CA ${randomBytes(4).toString('hex')} (this run only)` }];

  const ca = pki.createCertificate();
  ca.publicKey = pki.publicKeyFromPem(caKey.publicPem);
  ca.serialNumber = `01${randomBytes(15).toString('hex')}`;
  // Valid from a minute ago (clock skew) for one day: the CA dies with the run anyway.
  ca.validity.notBefore = new Date(now - 60_000);
  ca.validity.notAfter = new Date(now + 24 * 3600_000);
  ca.setSubject(subject);
  ca.setIssuer(subject);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    // Name constraints would be ideal, but forge cannot write them; the leaf below is the only certificate ever signed.
    { name: 'subjectKeyIdentifier' },
  ]);
  signWith(ca, caKey.privateKey);

  const leaf = pki.createCertificate();
  leaf.publicKey = pki.publicKeyFromPem(leafKey.publicPem);
  leaf.serialNumber = `02${randomBytes(15).toString('hex')}`;
  leaf.validity.notBefore = ca.validity.notBefore;
  leaf.validity.notAfter = ca.validity.notAfter;
  leaf.setSubject([{ name: 'commonName', value: hosts[0] ?? 'api.clarifai.com' }]);
  leaf.setIssuer(subject);
  leaf.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: hosts.map((value) => ({ type: 2, value })) },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  signWith(leaf, caKey.privateKey);

  const caPem = pki.certificateToPem(ca);
  const dir = mkdtempSync(join(tmpdir(), 'keydoctor-run-'));
  chmodSync(dir, 0o700);
  const caFile = join(dir, 'ca.pem');
  const bundleFile = join(dir, 'bundle.pem');
  writeFileSync(caFile, caPem, { mode: 0o600 });
  writeFileSync(bundleFile, `${caPem}\n${rootCertificates.join('\n')}\n`, { mode: 0o600 });
  let disposed = false;
  return {
    dir,
    caFile,
    bundleFile,
    caPem,
    leaf: { certPem: pki.certificateToPem(leaf), keyPem: leafKey.privatePem },
    dispose() {
      if (disposed) return;
      disposed = true;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
