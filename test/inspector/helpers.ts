// Test helpers for the inspector page: Debian's Chromium through playwright-core, raw HTTP and SSE reads of the page's server.
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import type { Browser } from 'playwright-core';

export const CHROMIUM = process.env.KD_CHROMIUM ?? '/usr/bin/chromium';
/**
 * Why the browser tests cannot run here, or undefined when they can. CI installs chromium (.ci/run), so there a
 * missing browser fails the tests instead of skipping them.
 */
export const NO_BROWSER = existsSync(CHROMIUM) || process.env.CI ? undefined : `${CHROMIUM} is not installed (apt-get install chromium)`;

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    // No sandbox (tests run as root in CI); nothing of Chromium's own reaches beyond loopback.
    args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-default-apps'],
  });
}

export interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET (or another method) with exactly the headers given, Host included, so the server's checks can be tried. */
export function rawGet(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Reads the event stream until `done(text so far)` holds, then hangs up; the whole text is returned. */
export function readEvents(port: number, token: string, done: (text: string) => boolean): Promise<{ status: number; type: string | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: `/api/events?token=${encodeURIComponent(token)}`, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      const finish = () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], text });
      };
      res.on('data', (c: string) => {
        text += c;
        if (done(text)) finish();
      });
      res.on('end', finish);
    });
    req.on('error', reject);
    req.end();
  });
}

/** `http://127.0.0.1:PORT/#token=…` from keydoctor's output. */
export function inspectorUrl(text: string): { url: string; port: number; token: string } | undefined {
  const m = /inspector at (http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+))/u.exec(text);
  return m ? { url: m[1]!, port: Number(m[2]), token: m[3]! } : undefined;
}

export async function waitFor<T>(probe: () => T | undefined, what: string, tries = 600): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
