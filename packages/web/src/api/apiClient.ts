import {
  api,
  apiErrorSchema,
  CodedError,
  type ApiBodyInput,
  type ApiQueryInput,
  type ApiResponse,
  type ApiRoute,
  type ApiRouteName,
} from '@pm/shared';

export interface ApiCall<N extends ApiRouteName> {
  params?: Record<string, string>;
  query?: ApiQueryInput<N>;
  body?: ApiBodyInput<N>;
  /** For upload routes: the file, sent as the raw body with its own media type. */
  file?: File;
}

const unauthenticatedListeners = new Set<() => void>();

/** Called whenever the server says the session is gone (expired, ended elsewhere). */
export function onSessionLost(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => void unauthenticatedListeners.delete(listener);
}

/**
 * Calls one route of the shared API table. The session cookie goes along by itself; the answer is
 * checked against the same schema the server answered with, errors come back as CodedError.
 */
export async function callApi<N extends ApiRouteName>(name: N, call: ApiCall<N> = {}): Promise<ApiResponse<N>> {
  const route: ApiRoute = api[name];
  const path = route.path.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(call.params?.[key] ?? ''));
  const query = new URLSearchParams(
    Object.entries((call.query ?? {}) as Record<string, string | number | boolean | undefined>).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
  ).toString();
  const headers: Record<string, string> = {};
  let body: BodyInit | undefined;
  if (call.file) {
    headers['content-type'] = call.file.type || 'application/octet-stream';
    body = call.file;
  } else if (call.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.body);
  }
  const response = await fetch(query ? `${path}?${query}` : path, { method: route.method.toUpperCase(), headers, body, credentials: 'same-origin' });
  if (!response.ok) {
    const error = apiErrorSchema.safeParse(await response.json().catch(() => undefined));
    if (response.status === 401 && name !== 'auth.login') for (const listener of unauthenticatedListeners) listener();
    throw error.success
      ? new CodedError(error.data.code, error.data.message, error.data.issues)
      : new CodedError('INTERNAL', `${route.method} ${path}: HTTP ${response.status}`);
  }
  const answer: unknown = route.produces ? await response.text() : await response.json();
  return route.response.parse(answer) as ApiResponse<N>;
}
