const PAT = '<your PAT>';

export function predict(url) {
  return fetch('https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs', {
    method: 'POST',
    headers: { Authorization: 'Key ' + PAT },
    body: JSON.stringify({ inputs: [{ data: { image: { url } } }] }),
  });
}
