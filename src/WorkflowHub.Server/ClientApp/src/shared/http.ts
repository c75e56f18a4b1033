import { t } from './i18n';

/** One problem the server reported, tied to a BPMN element id or a form field key when it has one. */
export interface ProblemItem {
  target?: string;
  message: string;
  code?: string;
}

/** An RFC 9457 problem-details answer, normalised so islands can list its errors. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors: ProblemItem[];
  warnings: ProblemItem[];
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }
}

/** Headers that carry the anti-forgery token ASP.NET Core checks; both common names are sent. */
export function csrfHeaders(token: string | undefined): Record<string, string> {
  if (!token) {
    return {};
  }
  return { 'X-CSRF-TOKEN': token, RequestVerificationToken: token };
}

/** Token from a data-csrf-token attribute, else from <meta name="csrf-token"> in the layout. */
export function csrfToken(element?: HTMLElement): string | undefined {
  return element?.dataset.csrfToken
    ?? document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content
    ?? undefined;
}

function toItems(value: unknown): ProblemItem[] {
  if (!value) {
    return [];
  }
  if (Array.isArray(value)) {
    // [{ elementId | field | target, message, code }] or plain strings
    return value.map((entry): ProblemItem => {
      if (typeof entry === 'string') {
        return { message: entry };
      }
      const item = entry as Record<string, unknown>;
      const target = item.elementId ?? item.field ?? item.target ?? item.propertyName ?? item.key;
      return {
        target: typeof target === 'string' && target !== '' ? target : undefined,
        message: String(item.message ?? item.errorMessage ?? item.detail ?? JSON.stringify(item)),
        code: typeof item.code === 'string' ? item.code : undefined
      };
    });
  }
  if (typeof value === 'object') {
    // ASP.NET Core ValidationProblemDetails: { "field": ["message", ...] }
    return Object.entries(value as Record<string, unknown>).flatMap(([key, messages]) =>
      (Array.isArray(messages) ? messages : [messages]).map((message): ProblemItem => ({
        target: key === '' || key === '$' ? undefined : key,
        message: String(message)
      })));
  }
  return [{ message: String(value) }];
}

/** Reads any JSON body into a Problem; used for error answers and for validation reports. */
export function toProblem(status: number, body: unknown): Problem {
  const record = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return {
    status,
    title: typeof record.title === 'string' ? record.title : t('error.http', { status }),
    detail: typeof record.detail === 'string' ? record.detail : undefined,
    errors: toItems(record.errors),
    warnings: toItems(record.warnings)
  };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') {
    return null;
  }
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    return JSON.parse(text);
  }
  return text;
}

/**
 * Sends a request and returns the parsed body; a non-2xx answer throws a ProblemError, a network
 * failure throws an Error with a readable message.
 */
export async function request<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      ...init,
      headers: { Accept: 'application/json, application/problem+json, application/xml;q=0.9, */*;q=0.5', ...init.headers }
    });
  } catch (error) {
    throw new Error(t('error.network', { message: (error as Error).message }), { cause: error });
  }
  const body = await readBody(response);
  if (!response.ok) {
    throw new ProblemError(toProblem(response.status, body));
  }
  return body as T;
}

/** GETs text, answering null for 404 so callers can fall back (no draft, no running version). */
export async function fetchTextOrNull(url: string): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/xml, text/xml, */*' } });
  } catch (error) {
    throw new Error(t('error.network', { message: (error as Error).message }), { cause: error });
  }
  if (response.status === 404 || response.status === 204) {
    return null;
  }
  if (!response.ok) {
    throw new ProblemError(toProblem(response.status, await readBody(response).catch(() => null)));
  }
  const text = await response.text();
  return text.trim() === '' ? null : text;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ProblemError) {
    return [error.problem.title, error.problem.detail].filter(Boolean).join(' — ');
  }
  return error instanceof Error ? error.message : String(error);
}
