/**
 * Shared page behaviour, loaded by the layout on every page.
 *
 * <form data-wh-upload action="/hazards/import" method="post" enctype="multipart/form-data">
 *   ... <progress hidden></progress> <span data-wh-upload-status></span>
 * </form>
 *   uploads with XMLHttpRequest so the <progress> shows the bytes sent; afterwards it follows
 *   data-redirect-url, else the server's redirect, else shows the returned page.
 * htmx requests carry the anti-forgery token from <meta name="csrf-token" content="...">.
 */
import { h, mountAll } from './shared/dom';
import { t } from './shared/i18n';
import { csrfHeaders, csrfToken, toProblem } from './shared/http';

function mountUpload(form: HTMLElement): void {
  if (!(form instanceof HTMLFormElement)) {
    return;
  }
  const progress = form.querySelector('progress') ?? form.appendChild(h('progress', { max: '100', value: '0', hidden: true }));
  const status = form.querySelector<HTMLElement>('[data-wh-upload-status]')
    ?? form.appendChild(h('span', { class: 'wh-upload-status', 'data-wh-upload-status': true, 'aria-live': 'polite' }));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const submitButtons = Array.from(form.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button[type="submit"], input[type="submit"], button:not([type])'));
    const xhr = new XMLHttpRequest();
    xhr.open((form.getAttribute('method') ?? 'post').toUpperCase(), form.action);
    for (const [name, value] of Object.entries(csrfHeaders(csrfToken(form)))) {
      xhr.setRequestHeader(name, value);
    }
    xhr.setRequestHeader('Accept', 'text/html, application/json, application/problem+json');

    progress.hidden = false;
    progress.max = 100;
    progress.value = 0;
    submitButtons.forEach((button) => { button.disabled = true; });
    const finish = () => submitButtons.forEach((button) => { button.disabled = false; });

    xhr.upload.addEventListener('progress', (progressEvent) => {
      if (progressEvent.lengthComputable) {
        const percent = Math.round((progressEvent.loaded / progressEvent.total) * 100);
        progress.value = percent;
        status.textContent = t('upload.uploading', { percent });
      } else {
        progress.removeAttribute('value');
      }
    });
    xhr.upload.addEventListener('load', () => {
      progress.value = 100;
      status.textContent = t('upload.done');
    });
    xhr.addEventListener('error', () => {
      finish();
      status.textContent = t('upload.failed', { message: t('error.network', { message: xhr.statusText || 'network' }) });
    });
    xhr.addEventListener('load', () => {
      finish();
      const type = xhr.getResponseHeader('Content-Type') ?? '';
      if (xhr.status >= 200 && xhr.status < 300) {
        const redirect = form.dataset.redirectUrl;
        if (redirect) {
          window.location.assign(redirect);
        } else if (xhr.responseURL && new URL(xhr.responseURL).pathname !== new URL(form.action).pathname) {
          window.location.assign(xhr.responseURL);
        } else if (type.includes('text/html')) {
          document.open();
          document.write(xhr.responseText);
          document.close();
        } else {
          status.textContent = t('upload.done');
        }
        return;
      }
      progress.hidden = true;
      let message = t('error.http', { status: xhr.status });
      if (type.includes('json')) {
        try {
          const problem = toProblem(xhr.status, JSON.parse(xhr.responseText));
          message = [problem.title, problem.detail, ...problem.errors.map((item) => (item.target ? `${item.target}: ${item.message}` : item.message))]
            .filter(Boolean).join(' — ');
        } catch {
          // keep the status message
        }
      }
      status.textContent = t('upload.failed', { message });
    });
    xhr.send(new FormData(form));
  });
}

/** htmx sends the anti-forgery token on every request that changes something. */
document.addEventListener('htmx:configRequest', (event) => {
  const detail = (event as CustomEvent<{ headers: Record<string, string>; verb: string }>).detail;
  if (detail.verb !== 'get') {
    Object.assign(detail.headers, csrfHeaders(csrfToken()));
  }
});

mountAll('form[data-wh-upload]', mountUpload);
