// The console's only way to the server: JSON over fetch with the session cookie. Every request that
// changes state carries the session's CSRF token in X-CSRF-Token.

let csrfToken = null;
let onUnauthorized = () => {};

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.code = (body && body.error) || '';
    this.details = (body && body.details) || [];
  }

  /** The route is not there: the bundle that provides it is missing, stopped, or not built yet. */
  get unavailable() {
    return this.status === 404 || this.status === 503 || this.status === 501;
  }
}

export function useCsrfToken(token) {
  csrfToken = token || null;
}

export function whenUnauthorized(callback) {
  onUnauthorized = callback;
}

export async function api(method, path, body, extraHeaders = {}) {
  const headers = {'Accept': 'application/json', 'X-Requested-With': 'fetch', ...extraHeaders};
  if (body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin', cache: 'no-store',
    });
  } catch (networkError) {
    throw new ApiError(0, {error: 'network', message: 'The server cannot be reached.'});
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = {message: text}; }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && !path.startsWith('/api/security/session')) onUnauthorized(error);
    throw error;
  }
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body);
export const put = (path, body) => api('PUT', path, body);
export const patch = (path, body, headers) => api('PATCH', path, body, headers);
export const del = (path) => api('DELETE', path);

/** The items of a list answer, whether it is {items: [...]} or a bare array. */
export function items(answer) {
  if (Array.isArray(answer)) return answer;
  return (answer && Array.isArray(answer.items)) ? answer.items : [];
}

/** A message for a failed call, in words. */
export function describe(error) {
  if (!(error instanceof ApiError)) return String(error && error.message || error);
  if (error.status === 403) return `Access denied: ${error.message}`;
  const details = error.details.map((d) => `${d.field}: ${d.problem}`).join('; ');
  return details ? `${error.message} (${details})` : error.message;
}
