// Vite config for the playground: three pages built into dist/web, with relative URLs so any path serves them.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './precompress.js';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: false,
  plugins: [precompress()],
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // Graphviz's WebAssembly build is one large chunk, loaded on demand.
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    // Fonts (KaTeX's) stay files: `micrograd serve` allows fonts from the page's own origin, not data: URLs.
    assetsInlineLimit: (file: string) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
    rollupOptions: {
      input: { graph: here('index.html'), train: here('train.html'), notebook: here('notebook.html') },
    },
  },
  // Workers are ES modules; the graph page's layout worker runs Graphviz (loaded on demand, as on a page).
  worker: { format: 'es' },
});
