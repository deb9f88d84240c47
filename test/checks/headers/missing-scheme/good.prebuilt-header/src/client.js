const auth = `Key ${process.env.CLARIFAI_PAT}`;

export function whoami() {
  return fetch('https://api.clarifai.com/v2/users/me', { headers: { Authorization: auth } });
}
