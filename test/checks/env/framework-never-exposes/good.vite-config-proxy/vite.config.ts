import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server adds the key on the way out, so the browser never sees it.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  return {
    plugins: [react()],
    server: {
      proxy: {
        '/clarifai': {
          target: 'https://api.clarifai.com',
          changeOrigin: true,
          rewrite: (p) => p.replace(/^\/clarifai/, ''),
          headers: { Authorization: `Key ${process.env.CLARIFAI_PAT ?? env.CLARIFAI_PAT}` },
        },
      },
    },
  };
});
