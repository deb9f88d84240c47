import { createRoot } from 'react-dom/client';
import { tag } from './lib/clarifai';

createRoot(document.getElementById('root')!).render(<button onClick={() => tag('https://samples.clarifai.com/metro-north.jpg')}>Tag</button>);
