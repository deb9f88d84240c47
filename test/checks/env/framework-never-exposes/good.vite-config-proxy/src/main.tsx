import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<button onClick={() => fetch('/clarifai/v2/users/me')}>Who am I</button>);
