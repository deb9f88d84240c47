import React, { useState } from 'react';

const clarifaiRequest = (imageUrl) => {
  const PAT = process.env.REACT_APP_CLARIFAI_PAT;
  const USER_ID = 'maria_dev';
  const APP_ID = 'face-finder';
  const raw = JSON.stringify({
    user_app_id: { user_id: USER_ID, app_id: APP_ID },
    inputs: [{ data: { image: { url: imageUrl } } }],
  });
  return {
    method: 'POST',
    headers: { Accept: 'application/json', Authorization: 'Key ' + PAT },
    body: raw,
  };
};

export default function App() {
  const [input, setInput] = useState('');
  const [boxes, setBoxes] = useState([]);
  const onDetect = () => {
    fetch('https://api.clarifai.com/v2/models/face-detection/outputs', clarifaiRequest(input))
      .then((response) => response.json())
      .then((result) => setBoxes(result.outputs[0].data.regions))
      .catch((error) => console.log('error', error));
  };
  return (
    <div>
      <input onChange={(e) => setInput(e.target.value)} />
      <button onClick={onDetect}>Detect</button>
      <p>{boxes.length} faces</p>
    </div>
  );
}
