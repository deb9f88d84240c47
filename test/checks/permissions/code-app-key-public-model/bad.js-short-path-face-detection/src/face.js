// Face box for the face-recognition tutorial, after moving off the old npm client.
export async function faceBox(imageUrl) {
  const response = await fetch('https://api.clarifai.com/v2/models/face-detection/outputs', {
    method: 'POST',
    headers: { Authorization: 'Key ' + process.env.CLARIFAI_API_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify({ inputs: [{ data: { image: { url: imageUrl } } }] }),
  });
  const data = await response.json();
  return data.outputs[0].data.regions[0].region_info.bounding_box;
}
