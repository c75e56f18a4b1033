// Packages of the bpmn.io toolkit that ship no type declarations: typed at their use sites.
declare module 'bpmn-js-properties-panel';
declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform';
declare module 'bpmn-js-bpmnlint';
declare module 'bpmn-js-token-simulation';
declare module 'diagram-js-minimap';
declare module 'bpmn-js-differ';

declare module 'virtual:bpmnlint-config' {
  /** The packed .bpmnlintrc: `{ config, resolver }`, produced at build time by build/bpmnlint-config-plugin.ts. */
  const bundle: { config: unknown; resolver: unknown; moddleExtensions: Record<string, unknown> };
  export default bundle;
}
