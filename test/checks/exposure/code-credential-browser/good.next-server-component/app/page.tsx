import { Model } from 'clarifai-nodejs';

export default async function Page() {
  const model = new Model({
    url: 'https://clarifai.com/clarifai/main/models/general-image-recognition',
    authConfig: { pat: process.env.CLARIFAI_PAT, userId: 'clarifai', appId: 'main' },
  });
  const out = await model.predictByUrl({ url: 'https://samples.clarifai.com/metro-north.jpg', inputType: 'image' });
  return <pre>{JSON.stringify(out)}</pre>;
}
