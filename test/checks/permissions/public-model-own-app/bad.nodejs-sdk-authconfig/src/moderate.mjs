import { Model } from 'clarifai-nodejs';

// Clarifai's NSFW classifier.
const model = new Model({
  authConfig: {
    pat: process.env.CLARIFAI_PAT,
    userId: process.env.CLARIFAI_USER_ID,
    appId: process.env.CLARIFAI_APP_ID,
  },
  modelId: 'nsfw-recognition',
});

export const isSafe = async (url) => (await model.predictByUrl({ url, inputType: 'image' }))[0].data.conceptsList[0].name === 'sfw';
