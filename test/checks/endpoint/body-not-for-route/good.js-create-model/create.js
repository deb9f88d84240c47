const USER_ID = process.env.CLARIFAI_USER_ID;
const APP_ID = process.env.CLARIFAI_APP_ID;

export async function createModel(id) {
  const res = await fetch(`https://api.clarifai.com/v2/users/${USER_ID}/apps/${APP_ID}/models`, {
    method: 'POST',
    headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` },
    body: JSON.stringify({ model: { id, model_type_id: 'embedding-classifier' } }),
  });
  return res.json();
}
