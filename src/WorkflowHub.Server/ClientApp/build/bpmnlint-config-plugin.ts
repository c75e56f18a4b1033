import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** The id islands import to get the packed lint configuration: `import config from 'virtual:bpmnlint-config'`. */
export const bpmnlintConfigId = 'virtual:bpmnlint-config';
const resolvedId = '\0' + bpmnlintConfigId;

type CompileConfig = (config: unknown) => Promise<string>;

/**
 * bpmnlint resolves its rules with Node's `require`, which a browser does not have.
 * bpmnlint's own compiler turns the .bpmnlintrc into a module that imports every enabled rule
 * statically, so the bundler can pack the rules next to the editor.
 */
export function bpmnlintConfig(rcFile: string): Plugin {
  const requireFromApp = createRequire(rcFile);
  return {
    name: 'workflowhub-bpmnlint-config',
    resolveId(id) {
      return id === bpmnlintConfigId ? resolvedId : null;
    },
    async load(id) {
      if (id !== resolvedId) {
        return null;
      }
      this.addWatchFile(rcFile);
      const config: unknown = JSON.parse(readFileSync(rcFile, 'utf8'));
      const compileConfig = requireFromApp('bpmnlint/lib/support/compile-config') as CompileConfig;
      return compileConfig(config);
    }
  };
}
