/**
 * Read-only diagram islands.
 *
 * <div data-wh-instance-viewer data-xml-url="..." data-instance-url="..."></div>
 *   the instance JSON: { activeElementIds: [], completedElementIds: [], incidents: [{ elementId, message }] };
 *   completed elements green, active blue and pulsing, incidents red with their message.
 * <div data-wh-diagram data-xml-url="..."></div>
 *   the same viewer without state, e.g. the loop a hazard runs through.
 * Optional on both: data-height="480" (pixels).
 */
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { h, mountAll } from './shared/dom';
import { t } from './shared/i18n';
import { errorMessage, request } from './shared/http';
import { canvasOf, legend, markElement, registryOf, type Overlays } from './shared/diagram';

interface InstanceState {
  activeElementIds?: string[];
  completedElementIds?: string[];
  incidents?: Array<{ elementId: string; message: string }>;
}

async function createViewer(host: HTMLElement): Promise<{ viewer: NavigatedViewer; frame: HTMLElement }> {
  const xmlUrl = host.dataset.xmlUrl;
  if (!xmlUrl) {
    throw new Error('data-xml-url is required');
  }
  const canvasHost = h('div', { class: 'wh-diagram' });
  const height = Number(host.dataset.height);
  if (Number.isFinite(height) && height > 0) {
    canvasHost.style.height = `${height}px`;
  }
  const frame = h('div', { class: 'wh-diagram-frame' });
  const fit = h('button', { type: 'button', class: 'wh-button' }, t('viewer.fit'));
  frame.append(canvasHost);
  host.replaceChildren(frame);

  const viewer = new NavigatedViewer({ container: canvasHost, moddleExtensions: { camunda: camundaModdle } });
  const xml = await request<string>(xmlUrl, { headers: { Accept: 'application/xml, text/xml' } });
  await viewer.importXML(typeof xml === 'string' ? xml : String(xml));
  canvasOf(viewer).zoom('fit-viewport', 'auto');
  fit.addEventListener('click', () => canvasOf(viewer).zoom('fit-viewport', 'auto'));
  frame.prepend(h('div', { class: 'wh-designer-toolbar' }, fit));
  return { viewer, frame };
}

async function mountInstanceViewer(host: HTMLElement): Promise<void> {
  const { viewer, frame } = await createViewer(host);
  const instanceUrl = host.dataset.instanceUrl;
  if (!instanceUrl) {
    throw new Error('data-instance-url is required');
  }
  const state = await request<InstanceState>(instanceUrl);
  for (const id of state.completedElementIds ?? []) {
    markElement(viewer, id, 'wh-completed');
  }
  for (const id of state.activeElementIds ?? []) {
    markElement(viewer, id, 'wh-active');
  }
  const overlays = viewer.get<Overlays>('overlays');
  for (const incident of state.incidents ?? []) {
    if (markElement(viewer, incident.elementId, 'wh-incident')) {
      const badge = h('div', { class: 'wh-incident-badge', title: incident.message, role: 'img', 'aria-label': `${t('viewer.incident')}: ${incident.message}` }, '!');
      overlays.add(incident.elementId, 'wh-incident', { position: { top: -10, right: 10 }, html: badge });
    }
  }
  frame.append(legend([
    ['wh-swatch-completed', t('viewer.completed')],
    ['wh-swatch-active', t('viewer.active')],
    ['wh-swatch-incident', t('viewer.incident')]
  ]));
  const unknown = (state.incidents ?? []).filter((incident) => !registryOf(viewer).get(incident.elementId));
  if (unknown.length > 0) {
    frame.append(h('ul', { class: 'wh-problem-list' },
      ...unknown.map((incident) => h('li', {}, `${incident.elementId}: ${incident.message}`))));
  }
}

async function mountDiagram(host: HTMLElement): Promise<void> {
  await createViewer(host);
}

function reportFailure(mount: (host: HTMLElement) => Promise<void>) {
  return async (host: HTMLElement) => {
    try {
      await mount(host);
    } catch (error) {
      host.append(h('p', { class: 'wh-alert wh-alert-error', role: 'alert' }, t('error.load', { message: errorMessage(error) })));
    }
  };
}

mountAll('[data-wh-instance-viewer]', reportFailure(mountInstanceViewer));
mountAll('[data-wh-diagram]', reportFailure(mountDiagram));
