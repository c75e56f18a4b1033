/**
 * The workflow designer island.
 *
 * <div data-wh-designer
 *      data-xml-url="/api/definitions/{key}/xml"        running version (GET; 404 = none yet)
 *      data-draft-url="/api/definitions/{key}/draft"    draft (GET to reopen, PUT application/xml to save)
 *      data-publish-url="/api/definitions"              POST application/xml → { key, version } or problem details
 *      data-validate-url="/api/definitions/validate"    optional, POST application/xml; default: publish url + "/validate"
 *      data-versions-url="/api/definitions/{key}/versions"  optional, GET [{ version }] to name the running version
 *      data-csrf-token="..."></div>
 */
import Modeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaPlatformBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import lintModule from 'bpmn-js-bpmnlint';
import bpmnlintConfig from 'virtual:bpmnlint-config';
import minimapModule from 'diagram-js-minimap';
import tokenSimulationModule from 'bpmn-js-token-simulation';
import { h, downloadText, mountAll } from './shared/dom';
import { t, pageLanguage, type MessageKey } from './shared/i18n';
import { csrfHeaders, csrfToken, errorMessage, fetchTextOrNull, ProblemError, request, toProblem, type Problem } from './shared/http';
import { chineseTranslateModule } from './shared/bpmn-translate-zh';
import { canvasOf, clearMarker, registryOf, type EventBus, type Selection } from './shared/diagram';
import { newDiagramXml } from './designer/new-diagram';
import { problemList } from './designer/problem-list';
import { DiffPane } from './designer/diff-pane';
import { toCamundaNamespace } from './designer/extension-namespaces';

interface Linting { toggle(active: boolean): void; isActive(): boolean }
interface Minimap { open(): void; close(): void; isOpen(): boolean }
interface ToggleMode { toggleMode(active?: boolean): void }
interface PublishResult { key?: string; version?: number | string; warnings?: unknown }

type MessageKind = 'info' | 'success' | 'warning' | 'error';

function mountDesigner(host: HTMLElement): Promise<void> {
  const urls = {
    xml: host.dataset.xmlUrl,
    draft: host.dataset.draftUrl,
    publish: host.dataset.publishUrl,
    validate: host.dataset.validateUrl ?? (host.dataset.publishUrl ? `${host.dataset.publishUrl.replace(/\/$/, '')}/validate` : undefined),
    versions: host.dataset.versionsUrl
  };
  const token = csrfToken(host);

  // Layout: toolbar, messages, [running version | modeler | properties], diff report.
  const toolbar = h('div', { class: 'wh-designer-toolbar', role: 'toolbar' });
  const messages = h('div', { class: 'wh-designer-messages', 'aria-live': 'polite' });
  const diffPane = h('div', { class: 'wh-designer-diff-pane', hidden: true });
  const canvasHost = h('div', { class: 'wh-designer-canvas' });
  const propertiesHost = h('div', { class: 'wh-designer-properties' });
  const diffReport = h('div', { class: 'wh-diff-report', hidden: true });
  host.classList.add('wh-designer');
  host.replaceChildren(toolbar, messages, h('div', { class: 'wh-designer-workspace' }, diffPane, canvasHost, propertiesHost), diffReport);

  const modeler = new Modeler({
    container: canvasHost,
    propertiesPanel: { parent: propertiesHost },
    linting: { bpmnlint: bpmnlintConfig, active: true },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaPlatformBehaviorsModule,
      lintModule,
      minimapModule,
      tokenSimulationModule,
      ...(pageLanguage() === 'zh' ? [chineseTranslateModule] : [])
    ],
    moddleExtensions: { camunda: camundaModdle }
  });
  const canvas = canvasOf(modeler);
  const eventBus = modeler.get<EventBus>('eventBus');
  let dirty = false;
  eventBus.on('commandStack.changed', () => { dirty = true; });
  window.addEventListener('beforeunload', (event) => {
    if (dirty) {
      event.preventDefault();
    }
  });

  const selectElement = (elementId: string): boolean => {
    const element = registryOf(modeler).get(elementId);
    if (!element) {
      return false;
    }
    clearMarker(modeler, 'wh-problem');
    canvas.addMarker(element, 'wh-problem');
    canvas.scrollToElement(element);
    modeler.get<Selection>('selection').select(element);
    return true;
  };

  const diff = new DiffPane(diffPane, diffReport, modeler, () => {
    canvas.resized();
    canvas.zoom('fit-viewport', 'auto');
  }, selectElement);

  // Messages ------------------------------------------------------------------------------
  const show = (kind: MessageKind, ...content: Array<Node | string>) => {
    messages.replaceChildren(h('div', { class: `wh-alert wh-alert-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...content));
  };
  const showProblem = (problem: Problem) => {
    const content: Array<Node | string> = [h('strong', {}, problem.title)];
    if (problem.detail) {
      content.push(' ', problem.detail);
    }
    if (problem.errors.length > 0) {
      content.push(h('div', {}, t('designer.errors', { count: problem.errors.length })), problemList(problem.errors, selectElement));
    }
    if (problem.warnings.length > 0) {
      content.push(h('div', {}, t('designer.warnings')), problemList(problem.warnings, selectElement));
    }
    show('error', ...content);
  };
  const showError = (error: unknown) => {
    if (error instanceof ProblemError) {
      showProblem(error.problem);
    } else {
      show('error', errorMessage(error));
    }
  };

  // Diagram I/O -----------------------------------------------------------------------------
  const importXml = async (xml: string, note: string) => {
    diff.close();
    clearMarker(modeler, 'wh-problem');
    const normalised = toCamundaNamespace(xml);
    const { warnings } = await modeler.importXML(normalised.xml);
    canvas.zoom('fit-viewport', 'auto');
    dirty = false;
    show(warnings.length > 0 ? 'warning' : 'info', note,
      normalised.converted ? ` ${t('designer.namespacesConverted')}` : '',
      warnings.length > 0 ? ` ${t('designer.importWarnings', { count: warnings.length })}` : '');
  };
  const currentXml = async () => (await modeler.saveXML({ format: true })).xml ?? '';
  const processId = () => {
    const definitions = modeler.getDefinitions() as { rootElements?: Array<{ $type: string; id: string }> };
    return definitions.rootElements?.find((element) => element.$type === 'bpmn:Process')?.id ?? 'diagram';
  };
  const xmlRequest = async (method: 'POST' | 'PUT') => ({
    method,
    headers: { 'Content-Type': 'application/xml', ...csrfHeaders(token) },
    body: await currentXml()
  });

  // Toolbar -----------------------------------------------------------------------------------
  const button = (label: MessageKey, action: () => Promise<void> | void, primary = false, enabled = true) => {
    const element = h('button', { type: 'button', class: primary ? 'wh-button wh-button-primary' : 'wh-button', disabled: !enabled }, t(label));
    element.addEventListener('click', async () => {
      element.disabled = true;
      try {
        await action();
      } catch (error) {
        showError(error);
      } finally {
        element.disabled = false;
      }
    });
    toolbar.append(element);
    return element;
  };
  const toggle = (label: MessageKey, initial: boolean, change: (on: boolean) => void) => {
    const input = h('input', { type: 'checkbox', checked: initial });
    input.addEventListener('change', () => change(input.checked));
    toolbar.append(h('label', { class: 'wh-toggle' }, input, t(label)));
    return input;
  };
  const separator = () => toolbar.append(h('span', { class: 'wh-separator', 'aria-hidden': 'true' }));

  const fileInput = h('input', { type: 'file', accept: '.bpmn,.xml,application/xml,text/xml', hidden: true });
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) {
      return;
    }
    try {
      await importXml(await file.text(), t('designer.opened', { name: file.name }));
      dirty = true;
    } catch (error) {
      show('error', t('error.load', { message: errorMessage(error) }));
    }
  });
  host.append(fileInput);

  button('designer.new', async () => {
    if (!dirty || window.confirm(t('designer.confirmNew'))) {
      await importXml(newDiagramXml(), t('designer.newDiagram'));
    }
  });
  button('designer.open', () => fileInput.click());
  button('designer.downloadBpmn', async () => downloadText(`${processId()}.bpmn`, await currentXml(), 'application/xml'));
  button('designer.downloadSvg', async () => downloadText(`${processId()}.svg`, (await modeler.saveSVG()).svg, 'image/svg+xml'));
  separator();
  button('designer.saveDraft', async () => {
    await request<unknown>(urls.draft!, await xmlRequest('PUT'));
    dirty = false;
    show('success', t('designer.draftSaved', { time: new Date().toLocaleTimeString(document.documentElement.lang || undefined) }));
  }, false, Boolean(urls.draft));
  button('designer.validate', async () => {
    clearMarker(modeler, 'wh-problem');
    const result = await request<unknown>(urls.validate!, await xmlRequest('POST'));
    const report = toProblem(200, result);
    if (report.errors.length > 0) {
      showProblem({ ...report, title: t('designer.errors', { count: report.errors.length }) });
    } else {
      show(report.warnings.length > 0 ? 'warning' : 'success', t('designer.valid'),
        ...(report.warnings.length > 0 ? [h('div', {}, t('designer.warnings')), problemList(report.warnings, selectElement)] : []));
    }
  }, false, Boolean(urls.validate));
  button('designer.publish', async () => {
    if (!window.confirm(t('designer.confirmPublish'))) {
      return;
    }
    clearMarker(modeler, 'wh-problem');
    const result = await request<PublishResult>(urls.publish!, await xmlRequest('POST'));
    dirty = false;
    const warnings = toProblem(200, result).warnings;
    show(warnings.length > 0 ? 'warning' : 'success',
      t('designer.published', { key: result?.key ?? processId(), version: result?.version ?? '?' }),
      ...(warnings.length > 0 ? [h('div', {}, t('designer.warnings')), problemList(warnings, selectElement)] : []));
  }, true, Boolean(urls.publish));
  separator();
  button('designer.diff', async () => {
    const running = await fetchTextOrNull(urls.xml!);
    if (running === null) {
      show('info', t('designer.noRunning'));
      return;
    }
    await diff.show(running, await runningVersionLabel(urls.versions));
  }, false, Boolean(urls.xml));
  separator();

  const linting = modeler.get<Linting>('linting');
  const lintToggle = toggle('designer.lint', true, (on) => linting.toggle(on));
  eventBus.on('linting.toggle', (event) => { lintToggle.checked = Boolean(event.active); });
  const minimap = modeler.get<Minimap>('minimap');
  const minimapToggle = toggle('designer.minimap', false, (on) => (on ? minimap.open() : minimap.close()));
  eventBus.on('minimap.toggle', (event) => { minimapToggle.checked = Boolean(event.open); });
  const toggleMode = modeler.get<ToggleMode>('toggleMode');
  const simulationToggle = toggle('designer.simulation', false, (on) => toggleMode.toggleMode(on));
  eventBus.on('tokenSimulation.toggleMode', (event) => { simulationToggle.checked = Boolean(event.active); });

  // First diagram: the saved draft, else the running version, else a new one.
  return (async () => {
    try {
      const draft = urls.draft ? await fetchTextOrNull(urls.draft) : null;
      if (draft !== null) {
        await importXml(draft, t('designer.loadedDraft'));
        return;
      }
      const running = urls.xml ? await fetchTextOrNull(urls.xml) : null;
      if (running !== null) {
        await importXml(running, t('designer.loadedRunning'));
        return;
      }
    } catch (error) {
      show('error', t('error.load', { message: errorMessage(error) }));
      await modeler.importXML(newDiagramXml());
      canvas.zoom('fit-viewport', 'auto');
      return;
    }
    await importXml(newDiagramXml(), t('designer.newDiagram'));
  })();
}

/** "v3" when the versions endpoint lists versions ([{ version }] or { items: [...] }), else "". */
async function runningVersionLabel(versionsUrl: string | undefined): Promise<string> {
  if (!versionsUrl) {
    return '';
  }
  try {
    const body = await request<unknown>(versionsUrl);
    const list = Array.isArray(body) ? body : (body as { items?: unknown[] } | null)?.items ?? [];
    const versions = list
      .map((entry) => Number((entry as { version?: unknown }).version))
      .filter((version) => Number.isFinite(version));
    return versions.length > 0 ? `v${Math.max(...versions)}` : '';
  } catch {
    // The label is a courtesy: the diff itself does not depend on it.
    return '';
  }
}

mountAll('[data-wh-designer]', mountDesigner);
