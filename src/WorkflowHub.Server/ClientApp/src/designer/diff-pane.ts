import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Modeler from 'bpmn-js/lib/Modeler';
import { diff } from 'bpmn-js-differ';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { h } from '../shared/dom';
import { t, type MessageKey } from '../shared/i18n';
import { canvasOf, clearMarker, legend, markElement, registryOf } from '../shared/diagram';
import { toCamundaNamespace } from './extension-namespaces';

type ModelElement = { id: string; $type: string; name?: string };
type AttributeChange = { oldValue: unknown; newValue: unknown };
interface DiffResult {
  _added: Record<string, ModelElement>;
  _removed: Record<string, ModelElement>;
  _changed: Record<string, { model: ModelElement; attrs: Record<string, AttributeChange> }>;
  _layoutChanged: Record<string, ModelElement>;
}

type ChangeKind = 'added' | 'removed' | 'changed' | 'layout';

const markers: Record<ChangeKind, string> = {
  added: 'wh-diff-added',
  removed: 'wh-diff-removed',
  changed: 'wh-diff-changed',
  layout: 'wh-diff-layout'
};

const labels: Record<ChangeKind, MessageKey> = {
  added: 'diff.added',
  removed: 'diff.removed',
  changed: 'diff.changed',
  layout: 'diff.layoutChanged'
};

function describe(value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return '∅';
  }
  if (typeof value === 'string') {
    return value.replace(/^#ref:/, '');
  }
  if (typeof value === 'object') {
    const element = value as Partial<ModelElement>;
    return element.id ?? element.$type ?? JSON.stringify(value);
  }
  return String(value);
}

/**
 * Shows the running version read-only beside the modeler and colours what the edited diagram
 * adds (on the right), removes (on the left), changes or only moves (on both).
 */
export class DiffPane {
  private viewer: NavigatedViewer | null = null;

  constructor(
    private readonly pane: HTMLElement,
    private readonly report: HTMLElement,
    private readonly modeler: Modeler,
    private readonly layoutChanged: () => void,
    private readonly selectInModeler: (elementId: string) => boolean
  ) {}

  get isOpen(): boolean {
    return !this.pane.hidden;
  }

  async show(runningXml: string, versionLabel: string): Promise<void> {
    this.close();
    this.pane.hidden = false;
    const canvasHost = h('div', { class: 'wh-designer-canvas', style: 'height:100%' });
    this.pane.replaceChildren(
      h('div', { class: 'wh-diff-caption' }, `${t('designer.running')} ${versionLabel}`),
      canvasHost);
    this.layoutChanged();

    const viewer = new NavigatedViewer({ container: canvasHost, moddleExtensions: { camunda: camundaModdle } });
    this.viewer = viewer;
    // Read like the edited side, so a namespace difference alone is not reported as a change.
    await viewer.importXML(toCamundaNamespace(runningXml).xml);
    canvasOf(viewer).zoom('fit-viewport', 'auto');

    const changes = diff(viewer.getDefinitions(), this.modeler.getDefinitions()) as DiffResult;
    const rows: HTMLTableRowElement[] = [];
    const add = (kind: ChangeKind, element: ModelElement, detail: string) => {
      if (kind !== 'removed') {
        markElement(this.modeler, element.id, markers[kind]);
      }
      if (kind !== 'added') {
        markElement(viewer, element.id, markers[kind]);
      }
      const idCell = h('td');
      const button = h('button', { type: 'button', class: 'wh-link' }, element.id);
      button.addEventListener('click', () => {
        if (!this.selectInModeler(element.id) && registryOf(viewer).get(element.id)) {
          canvasOf(viewer).scrollToElement(element.id);
        }
      });
      idCell.append(button);
      rows.push(h('tr', {},
        h('td', {}, h('span', { class: `wh-swatch wh-swatch-${kind}` }), ' ', t(labels[kind])),
        idCell,
        h('td', {}, element.$type.replace(/^bpmn:/, '')),
        h('td', {}, element.name ?? ''),
        h('td', {}, detail)));
    };

    for (const element of Object.values(changes._added)) {
      add('added', element, '');
    }
    for (const element of Object.values(changes._removed)) {
      add('removed', element, '');
    }
    for (const { model, attrs } of Object.values(changes._changed)) {
      // bpmn-js-differ 3.x hands diffpatch's [old, new] pair to (newValue, oldValue): its
      // `oldValue` holds the edited value, so the pair is read the other way round here.
      const detail = Object.entries(attrs)
        .map(([name, change]) => `${name}: ${describe(change.newValue)} → ${describe(change.oldValue)}`)
        .join('; ');
      add('changed', model, detail);
    }
    for (const element of Object.values(changes._layoutChanged)) {
      add('layout', element, '');
    }

    const closeButton = h('button', { type: 'button', class: 'wh-button' }, t('designer.diffClose'));
    closeButton.addEventListener('click', () => this.close());
    this.report.hidden = false;
    this.report.replaceChildren(
      h('p', {}, h('strong', {}, t('designer.diffTitle', { version: versionLabel })), ' ', closeButton),
      legend([
        ['wh-swatch-added', t('diff.added')],
        ['wh-swatch-removed', t('diff.removed')],
        ['wh-swatch-changed', t('diff.changed')],
        ['wh-swatch-layout', t('diff.layoutChanged')]
      ]),
      rows.length === 0
        ? h('p', {}, t('designer.diffNone'))
        : h('table', { class: 'wh-table' }, h('tbody', {}, ...rows)));
  }

  close(): void {
    for (const marker of Object.values(markers)) {
      clearMarker(this.modeler, marker);
    }
    this.viewer?.destroy();
    this.viewer = null;
    this.pane.hidden = true;
    this.pane.replaceChildren();
    this.report.hidden = true;
    this.report.replaceChildren();
    this.layoutChanged();
  }
}
