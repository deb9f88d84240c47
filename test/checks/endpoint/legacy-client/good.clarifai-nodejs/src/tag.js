import 'dotenv/config';
import { Model } from 'clarifai-nodejs';

const model = new Model({
  url: 'https://clarifai.com/clarifai/main/models/general-image-recognition',
  authConfig: { pat: process.env.CLARIFAI_PAT },
});

export async function tag(url) {
  const prediction = await model.predictByUrl({ url, inputType: 'image' });
  return prediction?.[0]?.data?.conceptsList ?? [];
}
