/** One way to talk to the API: JSON in and out, the session cookie, CSRF on writes, problem+json errors. */

export interface FieldProblem {
  field?: string;
  line?: number;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  problems?: FieldProblem[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly problems: FieldProblem[];
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.problems = problem.problems ?? [];
  }
}

let csrfToken: string | undefined;

/** The session provider hands over the token from GET /api/auth/me; writes send it back. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return new ApiError({
        ...body,
        title: body.title ?? response.statusText,
        status: body.status ?? response.status,
        code: body.code ?? 'unknown',
      });
    } catch {
      // Fall through to the generic error below.
    }
  }
  return new ApiError({ title: response.statusText || 'Error', status: response.status, code: 'unknown' });
}

export async function request<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json, application/problem+json');
  headers.set('accept-language', document.documentElement.lang || 'nb');
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers.set('content-type', 'application/json');
  if (unsafeMethods.has(method) && csrfToken) headers.set('x-csrf-token', csrfToken);

  const response = await fetch(path.startsWith('/') ? path : `/api/${path}`, {
    ...init,
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
  });
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, init?: RequestInit) => request<T>('GET', withQuery(path, query), undefined, init),
  post: <T>(path: string, body?: unknown, init?: RequestInit) => request<T>('POST', path, body, init),
  put: <T>(path: string, body?: unknown, init?: RequestInit) => request<T>('PUT', path, body, init),
  patch: <T>(path: string, body?: unknown, init?: RequestInit) => request<T>('PATCH', path, body, init),
  delete: <T = void>(path: string, init?: RequestInit) => request<T>('DELETE', path, undefined, init),
};
