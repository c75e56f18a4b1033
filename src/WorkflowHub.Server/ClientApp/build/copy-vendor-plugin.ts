import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Emits plain vendor files unchanged under a fixed name, for pages that load them with a classic
 * <script> tag (htmx must run before the page's hx- attributes are processed).
 */
export function copyVendorFiles(files: Record<string, string>): Plugin {
  return {
    name: 'workflowhub-copy-vendor-files',
    apply: 'build',
    buildStart() {
      for (const source of Object.values(files)) {
        this.addWatchFile(source);
      }
    },
    generateBundle() {
      for (const [fileName, source] of Object.entries(files)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(source) });
      }
    }
  };
}
