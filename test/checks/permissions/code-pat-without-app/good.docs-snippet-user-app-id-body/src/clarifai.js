// Clarifai's JavaScript REST snippet: the short path, with the owner in user_app_id.
const PAT = process.env.CLARIFAI_PAT;
const USER_ID = 'clarifai';
const APP_ID = 'main';
const MODEL_ID = 'general-image-recognition';
const MODEL_VERSION_ID = 'aa7f35c01e0642fda5cf400f543e7c40';

export function requestOptions(imageUrl) {
  const raw = JSON.stringify({
    user_app_id: { user_id: USER_ID, app_id: APP_ID },
    inputs: [{ data: { image: { url: imageUrl } } }],
  });
  return { method: 'POST', headers: { Accept: 'application/json', Authorization: 'Key ' + PAT }, body: raw };
}

export const predict = (imageUrl) =>
  fetch('https://api.clarifai.com/v2/models/' + MODEL_ID + '/versions/' + MODEL_VERSION_ID + '/outputs', requestOptions(imageUrl));
