// Who is signed in, and what they may do, as GET/POST /api/security/session says.
import {ApiError, del, get, post, useCsrfToken} from './api.js';

let current = null;

export function user() {
  return current;
}

/**
 * Whether the signed-in user holds a permission such as 'platform.config:edit'. The session lists
 * concrete permissions; a server that lists none is trusted to refuse what is not allowed.
 */
export function may(permission) {
  if (!current) return false;
  if (!Array.isArray(current.permissions)) return true;
  return current.permissions.includes(permission) || current.permissions.includes('*:*');
}

function adopt(answer) {
  current = answer.user;
  useCsrfToken(answer.csrfToken);
  return current;
}

/** The current session, or null when nobody is signed in. Throws when the session API is missing. */
export async function restore() {
  try {
    return adopt(await get('/api/security/session'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(username, password) {
  return adopt(await post('/api/security/session', {username, password}));
}

export async function signOut() {
  try {
    await del('/api/security/session');
  } finally {
    current = null;
    useCsrfToken(null);
  }
}

export function forget() {
  current = null;
  useCsrfToken(null);
}
