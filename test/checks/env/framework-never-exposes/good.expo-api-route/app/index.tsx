import { Button } from 'react-native';

export default function Index() {
  return <Button title="Tag" onPress={() => fetch('/tag', { method: 'POST', body: JSON.stringify({ url: 'https://samples.clarifai.com/metro-north.jpg' }) })} />;
}
