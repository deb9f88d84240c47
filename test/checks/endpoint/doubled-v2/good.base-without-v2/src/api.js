const BASE = 'https://api.clarifai.com';

export function whoami() {
  return fetch(`${BASE}/v2/users/me`, { headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` } });
}
