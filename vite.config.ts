import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer only: built to dist/renderer and served by Electron's app:// protocol or the bench server.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome120', sourcemap: true },
});
