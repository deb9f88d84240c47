// Recognises answers that did not come from Clarifai (CDN/WAF block pages, SSO or gateway logins, proxy 407s,
// other services' rate-limit pages), so a 401 or 403 from them is never read as a key or scope problem.
import type { Finding } from '../types/diagnostic.js';
import { cause } from './finding.js';

interface ForeignPage {
  /** Who answered, as the message names it. */
  who: string;
  pattern: RegExp;
  /** What to do about this kind of page. */
  fix: string;
}

const BETWEEN =
  'Check that CLARIFAI_API_BASE is https://api.clarifai.com (`keydoctor env` shows it) and what sits between the program and it (VPN, corporate proxy, firewall); `keydoctor check` asks the API directly and says who answers.';

// Most specific first: a Cloudflare rate-limit page is also a Cloudflare page.
const PAGES: readonly ForeignPage[] = [
  {
    who: 'a proxy asking for its own login (407 Proxy Authentication Required)',
    pattern: /\b407\b[^\n]{0,40}Proxy Authentication Required|Proxy-Authenticate:|\bERR_CACHE_ACCESS_DENIED\b/iu,
    fix: 'Give the proxy its own credentials (HTTPS_PROXY=http://user:password@proxy:port, or your system\'s proxy settings) or ask IT to let api.clarifai.com through; the Clarifai key is not involved.',
  },
  {
    who: "Cloudflare's rate-limit page (error 1015)",
    pattern: /error\s*(?:code:?\s*)?1015\b|You are being rate limited/iu,
    fix: 'A Cloudflare in front of the base URL rate-limits you, not Clarifai (api.clarifai.com answers 429 with a JSON status); check CLARIFAI_API_BASE and slow down the calls to that host.',
  },
  {
    who: "Cloudflare's block page",
    pattern: /\bcloudflare\b|\bcf-ray\b|Attention Required!|cf-error-details|\bcf-mitigated\b/iu,
    fix: BETWEEN,
  },
  {
    who: "Akamai's block page",
    pattern: /AkamaiGHost|akamai|Reference(?:\s|&#32;)*#\d{1,3}\.[0-9a-f]{6,}/iu,
    fix: BETWEEN,
  },
  {
    who: "AWS CloudFront or WAF's block page",
    pattern: /cloudfront|x-amz-cf-id|Request blocked\.\s*We can't connect to the server|\bawselb\b/iu,
    fix: BETWEEN,
  },
  {
    who: 'a web application firewall',
    pattern: /\b(?:web application firewall|ModSecurity|Incapsula|Imperva|Sucuri|F5 BIG-IP|FortiGate|Barracuda|Zscaler|Blue ?Coat|Squid)\b|The requested URL was rejected/iu,
    fix: BETWEEN,
  },
  {
    who: 'a single sign-on or gateway login page',
    pattern:
      /login\.microsoftonline\.com|\bokta\b|SAMLRequest|\bkeycloak\b|\bPing ?(?:Identity|Federate)\b|oauth2\/authorize|WWW-Authenticate:\s*(?:Negotiate|NTLM|Basic)|<title>[^<]{0,80}\b(?:sign[ -]?in|log[ -]?in)\b/iu,
    fix: 'The request reached a company gateway or SSO portal that wants you to log in, not Clarifai; call https://api.clarifai.com directly (check CLARIFAI_API_BASE with `keydoctor env`) or ask IT for the gateway\'s way to pass API traffic.',
  },
  {
    who: "another service's rate-limit page",
    pattern: /<(?:html|title|h1)[^>]*>[\s\S]{0,400}?(?:Too Many Requests|rate limit(?:ed)?\b|429)/iu,
    fix: 'Clarifai answers throttling with a JSON status (11005 CONN_THROTTLED), not an HTML page: find what the base URL points at (`keydoctor env`) and slow down the calls to it.',
  },
  {
    who: 'an HTML page, not Clarifai\'s JSON API',
    pattern: /<!DOCTYPE html|<html[\s>]|<body[\s>]|<head[\s>]/iu,
    fix: BETWEEN,
  },
];

/** Pages that only count with an error status: a bare HTML page with 200 may be anything the user pasted. */
function isFailureStatus(http: number | undefined): boolean {
  return http !== undefined && http >= 400;
}

/** The finding for an answer that did not come from Clarifai, or undefined when nothing says so. */
export function foreignPageFinding(text: string, httpStatus: number | undefined): Finding | undefined {
  for (const page of PAGES) {
    const generic = page.who.startsWith('an HTML page');
    // Named services are named in their pages; a generic HTML page needs an error status to mean anything.
    if (generic && !isFailureStatus(httpStatus)) continue;
    if (!page.pattern.test(text)) continue;
    const status = httpStatus !== undefined && !page.who.includes(String(httpStatus)) ? ` (HTTP ${httpStatus})` : '';
    return cause(
      'endpoint/not-clarifai-answer',
      'error',
      `The answer did not come from Clarifai: it is ${page.who}${status}, so it says nothing about the key, its scopes or its app; Clarifai's API answers with a JSON status.`,
      page.fix,
    );
  }
  return undefined;
}
