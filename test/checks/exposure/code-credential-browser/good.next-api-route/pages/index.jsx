import { useState } from 'react';

export default function Home() {
  const [out, setOut] = useState(null);
  const go = async () => setOut(await (await fetch('/api/predict', { method: 'POST', body: JSON.stringify({ url: 'https://samples.clarifai.com/metro-north.jpg' }) })).json());
  return <button onClick={go}>{out ? 'done' : 'predict'}</button>;
}
