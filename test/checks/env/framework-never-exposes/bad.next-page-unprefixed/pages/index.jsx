import { useState } from 'react';

export default function Home() {
  const [concepts, setConcepts] = useState([]);
  async function onTag(url) {
    const r = await fetch('https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs', {
      method: 'POST',
      headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` },
      body: JSON.stringify({ inputs: [{ data: { image: { url } } }] }),
    });
    setConcepts((await r.json()).outputs[0].data.concepts);
  }
  return <button onClick={() => onTag('https://samples.clarifai.com/metro-north.jpg')}>Tag ({concepts.length})</button>;
}
