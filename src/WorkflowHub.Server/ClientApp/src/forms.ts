/**
 * Task form island (form-js viewer).
 *
 * <div data-wh-form
 *      data-schema-url="/api/forms/{name}"            the form's JSON schema (workflows/forms/*.form)
 *      data-submit-url="/api/tasks/{id}/complete"     POST { "variables": { ... } } as JSON
 *      data-variables='{"grade":"major"}'             optional initial data
 *      data-redirect-url="/tasks"                     optional, followed after a successful submit
 *      data-readonly                                  optional, shows the form without submitting
 *      data-csrf-token="..."></div>
 * A 400/422 problem-details answer with `errors` keyed by field key shows each message under its field.
 */
import { Form } from '@bpmn-io/form-js';
import { h, jsonAttribute, mountAll } from './shared/dom';
import { pageLanguage, t } from './shared/i18n';
import { csrfHeaders, csrfToken, errorMessage, ProblemError, request, type ProblemItem } from './shared/http';

interface FormField {
  id: string;
  key?: string;
  label?: string;
  type: string;
  action?: string;
  components?: FormField[];
  properties?: Record<string, string>;
}
interface FormFieldRegistry { getAll(): FormField[] }
interface SubmitEvent { data: Record<string, unknown>; errors: Record<string, unknown> }

function hasSubmitButton(components: FormField[] | undefined): boolean {
  return (components ?? []).some((component) =>
    (component.type === 'button' && (component.action ?? 'submit') === 'submit') || hasSubmitButton(component.components));
}

/**
 * Forms are written in Chinese; a component may carry its English label as the custom property
 * `label_en`, which replaces the label on English pages.
 */
function localise(components: FormField[] | undefined): void {
  for (const component of components ?? []) {
    const english = component.properties?.label_en;
    if (english) {
      component.label = english;
    }
    localise(component.components);
  }
}

async function mountForm(host: HTMLElement): Promise<void> {
  const schemaUrl = host.dataset.schemaUrl;
  if (!schemaUrl) {
    throw new Error('data-schema-url is required');
  }
  const submitUrl = host.dataset.submitUrl;
  const readOnly = host.hasAttribute('data-readonly') || !submitUrl;
  const variables = jsonAttribute<Record<string, unknown>>(host, 'data-variables', {});
  const token = csrfToken(host);

  const summary = h('div', { 'aria-live': 'polite' });
  const container = h('div');
  const actions = h('div', { class: 'wh-form-actions' });
  host.classList.add('wh-form');
  host.replaceChildren(summary, container, actions);

  const schema = await request<{ components?: FormField[] }>(schemaUrl);
  if (pageLanguage() === 'en') {
    localise(schema.components);
  }
  const form = new Form({ container });
  await form.importSchema(schema, variables);
  if (readOnly) {
    form.setProperty('readOnly', true);
    return;
  }

  let submitting = false;
  const submitButton = h('button', { type: 'button', class: 'wh-button wh-button-primary' }, t('forms.submit'));
  if (!hasSubmitButton(schema.components)) {
    submitButton.addEventListener('click', () => form.submit());
    actions.append(submitButton);
  }

  const fieldsByKey = () => {
    const fields = form.get<FormFieldRegistry>('formFieldRegistry').getAll();
    return new Map(fields.filter((field) => field.key).map((field) => [field.key!, field]));
  };

  const showServerErrors = (items: ProblemItem[], title: string) => {
    const byKey = fieldsByKey();
    const fieldErrors: Record<string, string[]> = {};
    const listed: HTMLLIElement[] = [];
    for (const item of items) {
      // Keys may come as "variables.grade" or "grade".
      const key = item.target?.replace(/^variables\./i, '');
      const field = key ? byKey.get(key) ?? byKey.get(key.charAt(0).toLowerCase() + key.slice(1)) : undefined;
      if (field) {
        (fieldErrors[field.id] ??= []).push(item.message);
      }
      listed.push(h('li', {}, field?.label ? `${field.label}: ${item.message}` : item.target ? `${item.target}: ${item.message}` : item.message));
    }
    // Setting `errors` in the form state is how form-js's own validation shows messages under fields.
    form._setState({ errors: fieldErrors });
    summary.replaceChildren(h('div', { class: 'wh-alert wh-alert-error', role: 'alert' },
      h('strong', {}, title), h('ul', { class: 'wh-problem-list' }, ...listed)));
  };

  form.on('submit', async (event: SubmitEvent) => {
    if (submitting || Object.keys(event.errors).length > 0) {
      return;
    }
    submitting = true;
    submitButton.disabled = true;
    summary.replaceChildren(h('div', { class: 'wh-alert wh-alert-info', role: 'status' }, t('forms.submitting')));
    try {
      await request<unknown>(submitUrl!, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...csrfHeaders(token) },
        body: JSON.stringify({ variables: event.data })
      });
      summary.replaceChildren(h('div', { class: 'wh-alert wh-alert-success', role: 'status' }, t('forms.submitted')));
      if (host.dataset.redirectUrl) {
        window.location.assign(host.dataset.redirectUrl);
      }
    } catch (error) {
      if (error instanceof ProblemError && error.problem.errors.length > 0) {
        showServerErrors(error.problem.errors, error.problem.detail ?? t('forms.fixErrors'));
      } else {
        summary.replaceChildren(h('div', { class: 'wh-alert wh-alert-error', role: 'alert' }, errorMessage(error)));
      }
    } finally {
      submitting = false;
      submitButton.disabled = false;
    }
  });
}

mountAll('[data-wh-form]', mountForm);
