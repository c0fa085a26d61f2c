import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = process.env.API_URL ?? 'http://localhost:4000';

/** The dev server proxies the API (HTTP and WebSocket) so the SPA runs on one origin as in production. */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/graphql': { target: api, ws: true, changeOrigin: true }, '/export': { target: api, changeOrigin: true } },
  },
  build: {
    sourcemap: true,
    // The manifest lets the bundle-size test tell the initial chunks from the lazily loaded ones.
    manifest: true,
    // GraphiQL's large editor (Monaco) is one lazily loaded chunk by design.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL ships "use no memo" directives for the React compiler; bundling them is harmless.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
