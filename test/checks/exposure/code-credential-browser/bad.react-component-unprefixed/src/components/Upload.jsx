import { useState } from 'react';

export function Upload() {
  const [labels, setLabels] = useState([]);
  const submit = async (b64) => {
    const res = await fetch('https://api.clarifai.com/v2/models/general-image-recognition/outputs', {
      method: 'POST',
      headers: { Authorization: `Key ${process.env.CLARIFAI_PAT}` },
      body: JSON.stringify({ inputs: [{ data: { image: { base64: b64 } } }] }),
    });
    setLabels((await res.json()).outputs[0].data.concepts);
  };
  return <input type="file" onChange={(e) => submit(e.target.files[0])} />;
}
