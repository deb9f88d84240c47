import axios from 'axios';

const pat: string = process.env.CLARIFAI_PAT!;

export async function getModel(modelId: string) {
  const { data } = await axios.get(`https://api.clarifai.com/v2/models/${modelId}`, {
    headers: { Authorization: `Key ${pat}` },
  });
  return data.model;
}
