import 'dotenv/config';
import { Model } from 'clarifai-nodejs';

const model = new Model({
  url: 'https://clarifai.com/clarifai/main/models/general-image-recognition',
  authConfig: { userId: 'clarifai', appId: 'main' },
});

const prediction = await model.predictByUrl({ url: 'https://samples.clarifai.com/metro-north.jpg', inputType: 'image' });
console.log(prediction?.[0]?.data?.conceptsList);
