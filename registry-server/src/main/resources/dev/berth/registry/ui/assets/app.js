import { h, fill } from './dom.js';
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

// Each navigation takes a turn; one that waited for the session while a newer one began renders
// nothing, or it would redraw (and empty) the form the user is already typing into.
let turns = 0;

async function route(sessionChanged) {
  const turn = ++turns;
  if (sessionChanged) await refreshSession();
  if (turn !== turns) return;
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  document.getElementById('main').focus({ preventScroll: true });
  if (path.startsWith('/repo/')) return pages.repository(decodeURIComponent(path.slice(6)));
  if (path.startsWith('/image/')) {
    const rest = path.slice(7);
    const at = rest.lastIndexOf('@');
    return pages.image(decodeURIComponent(rest.slice(0, at)), decodeURIComponent(rest.slice(at + 1)));
  }
  if (path === '/status') return pages.status();
  if (path === '/login') return pages.login(session, () => { location.hash = '#/'; route(true); });
  return pages.catalog(params);
}

window.addEventListener('hashchange', () => route(false));
route(true);
