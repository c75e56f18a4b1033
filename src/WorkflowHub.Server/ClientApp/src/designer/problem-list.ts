import type { ProblemItem } from '../shared/http';
import { h } from '../shared/dom';

/**
 * Lists server problems; an item that names an element id becomes a button that selects and
 * highlights that element on the canvas.
 */
export function problemList(items: ProblemItem[], select: (elementId: string) => boolean): HTMLUListElement {
  const list = h('ul', { class: 'wh-problem-list' });
  for (const item of items) {
    const entry = h('li');
    if (item.target) {
      const button = h('button', { type: 'button', class: 'wh-link', title: item.target }, item.target);
      button.addEventListener('click', () => {
        if (!select(item.target!)) {
          button.disabled = true;
        }
      });
      entry.append(button, ': ');
    }
    entry.append(item.message);
    if (item.code) {
      entry.append(' ', h('span', { class: 'wh-badge' }, item.code));
    }
    list.append(entry);
  }
  return list;
}
