import { Model } from 'clarifai-nodejs';
import { CLARIFAI_MODEL_URL } from './config.js';

const model = new Model({ url: CLARIFAI_MODEL_URL, authConfig: { pat: process.env.CLARIFAI_PAT } });

export async function tag(url) {
  const prediction = await model.predictByUrl({ url, inputType: 'image' });
  return prediction?.[0]?.data?.conceptsList ?? [];
}
