import axios from 'axios';

export async function detectFaces(url: string) {
  const { data } = await axios.post(
    'https://api.clarifai.com/v2/users/clarifai/apps/main/models/face-detection/outputs',
    { inputs: [{ data: { image: { url } } }] },
    { headers: { Authorization: `Key ${process.env.API_KEY}` } },
  );
  return data.outputs[0].data.regions;
}
