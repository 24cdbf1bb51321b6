import { h, fill, show } from './dom.js';
import { call, stored, logout } from './api.js';
import * as pages from './pages.js';

let session = { auth: 'off' };

async function refreshSession() {
  try { session = await call('session'); } catch (e) { session = await call('session').catch(() => ({ auth: 'off' })); }
  const here = document.getElementById('session');
  const kept = stored();
  fill(here, 
    session.user ? h('span', { id: 'user-name' }, 'Logged in as ' + session.user) : null,
    session.user ? h('button', { type: 'button', id: 'logout', onclick: () => { logout(); route(true); } }, 'Log out')
      : session.auth !== 'off' ? h('a', { href: '#/login', id: 'login-link' }, 'Log in') : null,
    kept && kept.expired ? h('span', { class: 'muted' }, 'Session expired') : null);
}

// Each navigation takes a turn; what an older one would draw once its data arrives is dropped, or
// it would replace the page the user moved on to (or empty the form they are typing into).
let turns = 0;

async function route(sessionChanged) {
  const turn = ++turns;
  const view = (...content) => { if (turn === turns) show(...content); };
  if (sessionChanged) await refreshSession();
  if (turn !== turns) return;
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  document.getElementById('main').focus({ preventScroll: true });
  if (path.startsWith('/repo/')) return pages.repository(decodeURIComponent(path.slice(6)), view);
  if (path.startsWith('/image/')) {
    const rest = path.slice(7);
    const at = rest.lastIndexOf('@');
    return pages.image(decodeURIComponent(rest.slice(0, at)), decodeURIComponent(rest.slice(at + 1)), view);
  }
  if (path === '/status') return pages.status(view);
  if (path === '/login') return pages.login(session, () => { location.hash = '#/'; route(true); }, view);
  return pages.catalog(params, view);
}

window.addEventListener('hashchange', () => route(false));
route(true);
