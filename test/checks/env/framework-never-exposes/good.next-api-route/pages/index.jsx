export default function Home() {
  return <button onClick={() => fetch('/api/tag', { method: 'POST', body: JSON.stringify({ url: 'https://samples.clarifai.com/metro-north.jpg' }) })}>Tag</button>;
}
