import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = process.env.API_URL ?? 'http://localhost:4000';

/** The dev server proxies the API (HTTP and WebSocket) so the SPA runs on one origin as in production. */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/graphql': { target: api, ws: true, changeOrigin: true } },
  },
  build: { sourcemap: true },
});
