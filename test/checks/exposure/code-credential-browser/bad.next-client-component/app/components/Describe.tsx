'use client';
import { useState } from 'react';
import { Model } from 'clarifai-nodejs';

export default function Describe() {
  const [text, setText] = useState('');
  async function run(url: string) {
    const model = new Model({
      url: 'https://clarifai.com/clarifai/main/models/general-image-recognition',
      authConfig: { pat: process.env.NEXT_PUBLIC_CLARIFAI_PAT, userId: 'clarifai', appId: 'main' },
    });
    const out = await model.predictByUrl({ url, inputType: 'image' });
    setText(JSON.stringify(out));
  }
  return <button onClick={() => run('https://samples.clarifai.com/metro-north.jpg')}>{text || 'Describe'}</button>;
}
