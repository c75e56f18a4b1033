import type BaseViewer from 'bpmn-js/lib/BaseViewer';

/** The few diagram-js services the islands use, typed by what they are called with. */
export interface DiagramElement {
  id: string;
  type: string;
  waypoints?: unknown[];
  businessObject: { id: string; name?: string; $type: string };
}

export interface Canvas {
  zoom(level: 'fit-viewport' | number, center?: 'auto'): number;
  addMarker(element: string | DiagramElement, marker: string): void;
  removeMarker(element: string | DiagramElement, marker: string): void;
  scrollToElement(element: string | DiagramElement): void;
  resized(): void;
}

export interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
  getAll(): DiagramElement[];
}

export interface Overlays {
  add(element: string | DiagramElement, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}

export interface EventBus {
  on(event: string, callback: (event: Record<string, unknown>) => void): void;
  on(event: string, priority: number, callback: (event: Record<string, unknown>) => void): void;
}

export interface Selection {
  select(element: DiagramElement | DiagramElement[] | null): void;
}

export function canvasOf(viewer: BaseViewer): Canvas {
  return viewer.get<Canvas>('canvas');
}

export function registryOf(viewer: BaseViewer): ElementRegistry {
  return viewer.get<ElementRegistry>('elementRegistry');
}

/** Removes one marker class from every element of a diagram. */
export function clearMarker(viewer: BaseViewer, marker: string): void {
  const canvas = canvasOf(viewer);
  for (const element of registryOf(viewer).getAll()) {
    canvas.removeMarker(element, marker);
  }
}

/** Adds a marker if the element is drawn; answers whether it was. */
export function markElement(viewer: BaseViewer, id: string, marker: string): boolean {
  const element = registryOf(viewer).get(id);
  if (!element) {
    return false;
  }
  canvasOf(viewer).addMarker(element, marker);
  return true;
}

/** Lists legend entries as swatches with their labels. */
export function legend(entries: Array<[swatchClass: string, label: string]>): HTMLUListElement {
  const list = document.createElement('ul');
  list.className = 'wh-legend';
  for (const [swatchClass, label] of entries) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `wh-swatch ${swatchClass}`;
    swatch.setAttribute('aria-hidden', 'true');
    item.append(swatch, label);
    list.append(item);
  }
  return list;
}
