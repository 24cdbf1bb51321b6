// The UI's session and its calls to /_berth/ui-api/. Credentials travel in the Authorization
// header only (never a cookie): a token from the registry's token service, Basic credentials in
// Basic mode, or a token pasted from an external token service. The session ends with the token.

const KEY = 'berth-ui-session';
const API = '/_berth/ui-api/';

export class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

export function stored() {
  const session = JSON.parse(sessionStorage.getItem(KEY) || 'null');
  if (session && session.expires && Date.now() >= session.expires) {
    sessionStorage.removeItem(KEY);
    return { expired: true };
  }
  return session;
}

export function logout() { sessionStorage.removeItem(KEY); }

function keep(authorization, user, expiresInSeconds) {
  const expires = expiresInSeconds ? Date.now() + expiresInSeconds * 1000 : null;
  sessionStorage.setItem(KEY, JSON.stringify({ authorization, user, expires }));
}

function basic(user, password) {
  const bytes = new TextEncoder().encode(user + ':' + password);
  let text = '';
  bytes.forEach(b => { text += String.fromCharCode(b); });
  return 'Basic ' + btoa(text);
}

export async function call(path, options = {}) {
  const session = stored();
  const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
  if (session && session.authorization) headers.Authorization = session.authorization;
  const response = await fetch(API + path, { method: options.method || 'GET', headers, credentials: 'omit', cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = (body.errors && body.errors[0]) || {};
    if (response.status === 401 && session && session.authorization) {
      logout();
      throw new ApiError(401, 'EXPIRED', 'Your session has ended (the token expired). Log in again.');
    }
    throw new ApiError(response.status, error.code || 'UNKNOWN', error.message || response.statusText);
  }
  return body;
}

export function remove(path) {
  return call(path, { method: 'DELETE', headers: { 'X-Berth-UI': 'delete' } });
}

/** Logs in as the registry's clients do: a token from its own /token with the user's password. */
export async function loginWithPassword(session, user, password) {
  const authorization = basic(user, password);
  if (session.auth === 'basic') {
    keep(authorization, user, null);
    const checked = await call('session').catch(e => { logout(); throw e; });
    if (!checked.user) { logout(); throw new ApiError(401, 'UNAUTHORIZED', 'Invalid user name or password'); }
    return;
  }
  const url = '/token?service=' + encodeURIComponent(session.service) + '&scope=' + encodeURIComponent('registry:catalog:*');
  const response = await fetch(url, { headers: { Authorization: authorization }, credentials: 'omit', cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = (body.errors && body.errors[0]) || {};
    throw new ApiError(response.status, error.code || 'UNAUTHORIZED', error.message || 'Invalid user name or password');
  }
  keep('Bearer ' + body.token, user, body.expires_in);
}

/** With an external token service: a token the user got there, kept until its exp. */
export async function loginWithToken(token) {
  let expires = null;
  try { expires = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).exp; } catch { /* no exp: until the tab closes */ }
  keep('Bearer ' + token.trim(), null, expires ? expires - Date.now() / 1000 : null);
  const checked = await call('session').catch(e => { logout(); throw e; });
  const session = stored();
  keep(session.authorization, checked.user || 'token', expires ? expires - Date.now() / 1000 : null);
}
