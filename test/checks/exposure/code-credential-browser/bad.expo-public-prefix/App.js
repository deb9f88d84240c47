import { useState } from 'react';
import { Button, Text, View } from 'react-native';

export default function App() {
  const [tags, setTags] = useState([]);
  async function tag(url) {
    const r = await fetch('https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs', {
      method: 'POST',
      headers: { Authorization: `Key ${process.env.EXPO_PUBLIC_CLARIFAI_PAT}` },
      body: JSON.stringify({ inputs: [{ data: { image: { url } } }] }),
    });
    setTags((await r.json()).outputs[0].data.concepts);
  }
  return (
    <View>
      <Button title="Tag" onPress={() => tag('https://samples.clarifai.com/metro-north.jpg')} />
      <Text>{tags.map((t) => t.name).join(', ')}</Text>
    </View>
  );
}
