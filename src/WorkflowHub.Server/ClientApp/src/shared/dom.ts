/** Creates an element with attributes and children; text children are escaped by the DOM. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) {
      continue;
    }
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children);
  return element;
}

/**
 * Runs `mount` once for every element matching `selector`, now and whenever htmx swaps new
 * content in, so server-rendered pages need no inline script.
 */
export function mountAll(selector: string, mount: (element: HTMLElement) => void | Promise<void>): void {
  const mountWithin = (root: ParentNode) => {
    const candidates: HTMLElement[] = [];
    if (root instanceof HTMLElement && root.matches(selector)) {
      candidates.push(root);
    }
    candidates.push(...Array.from(root.querySelectorAll<HTMLElement>(selector)));
    for (const element of candidates) {
      if (element.dataset.whMounted === 'true') {
        continue;
      }
      element.dataset.whMounted = 'true';
      Promise.resolve(mount(element)).catch((error: unknown) => {
        console.error(`WorkflowHub: mounting ${selector} failed`, error);
        element.append(h('p', { class: 'wh-alert wh-alert-error' }, String(error instanceof Error ? error.message : error)));
      });
    }
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => mountWithin(document), { once: true });
  } else {
    mountWithin(document);
  }
  document.addEventListener('htmx:load', (event) => {
    const target = event.target;
    if (target instanceof HTMLElement) {
      mountWithin(target);
    }
  });
}

/** Parses a JSON data-attribute, naming the attribute when it is malformed. */
export function jsonAttribute<T>(element: HTMLElement, name: string, fallback: T): T {
  const raw = element.getAttribute(name);
  if (raw === null || raw.trim() === '') {
    return fallback;
  }
  try {
    return JSON.parse(raw) as T;
  } catch (error) {
    throw new Error(`${name} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** Offers text as a file download without a round trip to the server. */
export function downloadText(fileName: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = h('a', { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
