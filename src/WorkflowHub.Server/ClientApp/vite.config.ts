import { defineConfig } from 'vite';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { bpmnlintConfig } from './build/bpmnlint-config-plugin.ts';
import { copyVendorFiles } from './build/copy-vendor-plugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const requireFromApp = createRequire(resolve(root, 'package.json'));

// Every entry keeps a fixed file name (dist/designer.js, dist/bpmn-js.css ...) so Razor pages can
// reference them without reading the manifest; only shared chunks and fonts carry a hash.
const entries: Record<string, string> = {
  app: resolve(root, 'src/app.ts'),
  designer: resolve(root, 'src/designer.ts'),
  viewer: resolve(root, 'src/viewer.ts'),
  forms: resolve(root, 'src/forms.ts'),
  charts: resolve(root, 'src/charts.ts'),
  'app-styles': resolve(root, 'src/styles/app.css'),
  'bpmn-js': resolve(root, 'src/styles/bpmn-js.css'),
  'form-js': resolve(root, 'src/styles/form-js.css')
};

// CSS entries are named after the file a page links; the app stylesheet is dist/app.css.
const cssNames: Record<string, string> = {
  'app-styles.css': 'app.css',
  'bpmn-js.css': 'bpmn-js.css',
  'form-js.css': 'form-js.css'
};

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  plugins: [
    bpmnlintConfig(resolve(root, '.bpmnlintrc')),
    copyVendorFiles({
      'htmx.min.js': requireFromApp.resolve('htmx.org/dist/htmx.min.js')
    })
  ],
  build: {
    outDir: resolve(root, '../wwwroot/dist'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    cssCodeSplit: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: entries,
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: (asset) => {
          const name = asset.names[0] ?? '';
          if (name in cssNames) {
            return cssNames[name];
          }
          return name.endsWith('.css') ? 'chunks/[name]-[hash][extname]' : 'assets/[name]-[hash][extname]';
        }
      }
    }
  }
});
