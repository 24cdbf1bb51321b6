import { h, fill, notice, bytes, when, shortDigest, table, command, confirmDelete } from './dom.js';
import { call, remove, loginWithPassword, loginWithToken, ApiError } from './api.js';

const TAGS_PER_PAGE = 100;

function problem(error) {
  const login = error.status === 401 ? h('p', {}, h('a', { href: '#/login' }, 'Log in')) : null;
  return [h('p', { class: 'error', role: 'alert' }, error.message || String(error)), login];
}

function reference(name, ref) {
  return location.host + '/' + name + (ref.includes(':') ? '@' + ref : ':' + ref);
}

function commands(name, ref) {
  const image = reference(name, ref);
  const dir = './' + name.split('/').pop();
  return h('div', { class: 'commands' },
    command('docker pull command', 'docker pull ' + image),
    command('berth pull command', 'berth pull ' + image + ' ' + dir),
    command('berth run command', 'berth run --rm ' + image));
}

export function imageLink(name, ref, text) {
  return h('a', { href: '#/image/' + name + '@' + ref }, text);
}

// Each page renders through the show it is given, which draws nothing once a newer navigation
// began: a page still waiting for its data must not replace the one the user moved on to.

// The repositories: search as you type (substring, or a glob with * and ?), a page at a time.
export async function catalog(params, show) {
  const search = h('input', { type: 'search', id: 'search', class: 'search', value: params.get('q') || '',
    placeholder: 'name, part of it, or a glob like team-*/app', autocomplete: 'off', 'aria-describedby': 'search-help' });
  const results = h('div', { 'aria-live': 'polite' });
  const pager = h('div', { class: 'pager' });
  const trail = [];
  let timer, ask = 0;
  async function load(last) {
    const id = ++ask;
    const query = new URLSearchParams({ q: search.value, n: '50' });
    if (last) query.set('last', last);
    try {
      const page = await call('repositories?' + query);
      if (id !== ask) return;
      fill(results, 
        h('p', { class: 'muted', id: 'repo-count' }, page.total + (page.total === 1 ? ' repository' : ' repositories')),
        table('Repositories', ['Repository', 'Tags', 'Last push', 'Size'], page.repositories.map(r => [
          h('a', { href: '#/repo/' + r.name, class: 'repo-link' }, r.name),
          r.tags ?? '', when(r.lastPush), bytes(r.size)])));
      fill(pager, 
        trail.length ? h('button', { type: 'button', onclick: () => { trail.pop(); load(trail[trail.length - 1]); } }, 'Previous page') : null,
        page.next ? h('button', { type: 'button', id: 'next-page', onclick: () => { trail.push(page.next); load(page.next); } }, 'Next page') : null);
    } catch (e) { if (id === ask) fill(results, ...problem(e)); }
  }
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { trail.length = 0; history.replaceState(null, '', '#/?q=' + encodeURIComponent(search.value)); load(); }, 120);
  });
  show(h('h1', {}, 'Repositories'),
    h('label', { for: 'search' }, 'Search repositories'),
    search, h('p', { id: 'search-help', class: 'muted' }, 'Matches names containing the text; * and ? make it a pattern for the whole name.'),
    results, pager);
  search.focus();
  await load();
}

// One repository: every tag with what it points at, sortable, with commands and delete.
export async function repository(name, show) {
  show(h('h1', {}, name), h('p', { class: 'muted' }, 'Loading tags…'));
  let data;
  try { data = await call('repositories/' + name + '/tags'); } catch (e) { show(h('h1', {}, name), problem(e)); return; }
  const sort = h('select', { id: 'sort' }, h('option', { value: 'name' }, 'Name'), h('option', { value: 'date' }, 'Newest first'));
  const list = h('div');
  let shown = TAGS_PER_PAGE;
  function render() {
    const tags = [...data.tags];
    if (sort.value === 'date') tags.sort((a, b) => String(b.created || b.pushed || '').localeCompare(String(a.created || a.pushed || '')));
    fill(list, 
      table('Tags of ' + name, ['Tag', 'Digest', 'Kind', 'Platforms', 'Size', 'Created', 'Commands', ''],
        tags.slice(0, shown).map(t => [
          imageLink(name, t.digest, t.tag),
          h('span', { class: 'mono', title: t.digest }, shortDigest(t.digest)),
          t.kind || '', (t.platforms || []).join(', '), bytes(t.size), when(t.created),
          h('details', {}, h('summary', {}, 'Pull and run'), commands(name, t.tag), commands(name, t.digest)),
          data.canDelete ? h('button', { type: 'button', class: 'danger delete-tag', 'data-tag': t.tag,
            'aria-label': 'Delete tag ' + t.tag, onclick: () => deleteTag(name, t.tag, show) }, 'Delete') : null])),
      tags.length > shown ? h('button', { type: 'button', onclick: () => { shown += TAGS_PER_PAGE; render(); } },
        'Show more (' + (tags.length - shown) + ' left)') : null);
  }
  sort.addEventListener('change', render);
  render();
  show(h('h1', {}, name),
    h('p', { class: 'muted', id: 'tag-count' }, data.tags.length + (data.tags.length === 1 ? ' tag' : ' tags')),
    h('label', { for: 'sort' }, 'Sort tags by'), sort, list);
}

async function deleteTag(name, tag, show) {
  if (!await confirmDelete('Delete the tag ' + tag + ' of ' + name + '? The image stays if other tags or digests use it.')) return;
  try {
    await remove('repositories/' + name + '/tags/' + tag);
    notice('Deleted tag ' + tag);
    await repository(name, show);
  } catch (e) { notice(e.message); }
}

async function deleteManifest(name, digest) {
  if (!await confirmDelete('Delete the manifest ' + digest + ' of ' + name + ' and every tag pointing at it?')) return;
  try {
    await remove('repositories/' + name + '/manifests/' + digest);
    notice('Deleted ' + digest);
    location.hash = '#/repo/' + name;
  } catch (e) { notice(e.message); }
}

function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function annotations(map) {
  const entries = Object.entries(map || {});
  return entries.length ? facts(entries.map(([k, v]) => [k, v])) : null;
}

// One manifest: index children, config, history, layers, referrers, raw JSON.
export async function image(name, ref, show) {
  show(h('h1', {}, name), h('p', { class: 'muted' }, 'Loading…'));
  let m;
  try { m = await call('repositories/' + name + '/images/' + ref); } catch (e) { show(h('h1', {}, name + ' @ ' + ref), problem(e)); return; }
  const c = m.config;
  const parts = [
    h('h1', {}, h('a', { href: '#/repo/' + name }, name), ref.includes(':') ? '' : ':' + ref),
    facts([['Digest', h('span', { class: 'mono digest' }, m.digest)], ['Media type', m.mediaType], ['Kind', m.kind],
      ['Artifact type', m.artifactType], ['Manifest size', bytes(m.size)], ['Platform', c && c.platform], ['Created', c && when(c.created)]]),
    h('h2', {}, 'Pull and run'), commands(name, m.digest),
    annotations(m.annotations) ? [h('h2', {}, 'Annotations'), annotations(m.annotations)] : null];
  if (m.children && m.children.length) {
    parts.push(h('h2', { id: 'platforms' }, 'Platforms'), table('Platforms', ['Platform', 'Digest', 'Media type', 'Size'],
      m.children.map(child => [child.platform || 'unknown', imageLink(name, child.digest, child.digest), child.mediaType, bytes(child.size)])));
  }
  if (c) {
    parts.push(h('h2', { id: 'config' }, 'Config'), facts([
      ['Entrypoint', c.entrypoint && h('code', {}, JSON.stringify(c.entrypoint))], ['Cmd', c.cmd && h('code', {}, JSON.stringify(c.cmd))],
      ['Working dir', c.workingDir], ['User', c.user], ['Exposed ports', (c.exposedPorts || []).join(', ')],
      ['Env', c.env && c.env.length ? h('ul', {}, c.env.map(e => h('li', { class: 'mono' }, e))) : null]]));
    const labels = Object.entries(c.labels || {});
    if (labels.length) parts.push(h('h3', {}, 'Labels'), facts(labels));
  }
  if (m.history && m.history.length) {
    parts.push(h('h2', { id: 'history' }, 'History'), table('History', ['Created', 'Command', 'Layer size'],
      m.history.map(s => [when(s.created), h('code', {}, s.createdBy || s.comment || ''), s.emptyLayer ? 'no layer' : bytes(s.layerSize)])));
  }
  if (m.layers && m.layers.length) {
    parts.push(h('h2', { id: 'layers' }, 'Layers'), table('Layers', ['#', 'Digest', 'Media type', 'Size'],
      m.layers.map((l, i) => [String(i + 1), h('span', { class: 'mono digest' }, l.digest), l.mediaType, bytes(l.size)])));
  }
  parts.push(h('h2', { id: 'referrers' }, 'Referrers'), m.referrers.length
    ? table('Referrers', ['Artifact type', 'Digest', 'Size', 'Annotations'], m.referrers.map(r => [
        r.artifactType || r.mediaType, imageLink(name, r.digest, shortDigest(r.digest)), bytes(r.size), annotations(r.annotations) || '']))
    : h('p', { class: 'muted' }, 'No signatures, SBOMs or attestations refer to this manifest.'));
  parts.push(h('h2', {}, 'Raw JSON'), h('details', {}, h('summary', {}, 'Manifest'), h('pre', {}, m.manifest)),
    c ? h('details', {}, h('summary', {}, 'Config'), h('pre', {}, c.raw)) : null);
  if (m.canDelete) {
    parts.push(h('h2', {}, 'Delete'), h('button', { type: 'button', class: 'danger', id: 'delete-manifest', onclick: () => deleteManifest(name, m.digest) }, 'Delete this manifest'));
  }
  show(parts);
}

export async function status(show) {
  show(h('h1', {}, 'Status'), h('p', { class: 'muted' }, 'Measuring…'));
  try {
    const s = await call('status');
    const gc = s.lastGc;
    show(h('h1', {}, 'Status'), facts([
      ['Version', s.version], ['Up since', when(s.startedAt) + ' (' + Math.round(s.uptimeSeconds / 60) + ' min)'],
      ['Repositories', String(s.repositories)], ['Blobs', String(s.storage.blobs)], ['Storage in use', bytes(s.storage.bytes)],
      ['Measured', when(s.storage.measuredAt)], ['Read-only', s.readOnly ? 'yes' : 'no'],
      ['Last garbage collection', gc ? when(gc.finishedAt) + ': ' + gc.blobsDeleted + ' blobs deleted, ' + bytes(gc.bytesFreed) + ' freed' + (gc.dryRun ? ' (dry run)' : '') : 'none since start']]));
  } catch (e) { show(h('h1', {}, 'Status'), problem(e)); }
}

export function login(session, done, show) {
  if (session.auth === 'off') { show(h('h1', {}, 'Log in'), h('p', {}, 'This registry has no users: everyone may do everything.')); return; }
  const message = h('p', { role: 'alert', class: 'error' });
  if (session.auth === 'external') {
    const token = h('textarea', { id: 'token', rows: 4, required: true });
    show(h('h1', {}, 'Log in'),
      h('p', {}, 'This registry trusts an external token service' + (session.realm ? ' at ' + session.realm : '') +
        '. Get a token there for service ' + (session.service || '') + ' (for example: curl -u USER "' + (session.realm || 'REALM') +
        '?service=' + (session.service || '') + '&scope=registry:catalog:*&scope=repository:NAME:pull") and paste it here.'),
      h('form', { class: 'login', onsubmit: async e => { e.preventDefault();
        try { await loginWithToken(token.value); done(); } catch (err) { message.textContent = err.message; } } },
        h('label', { for: 'token' }, 'Token'), token, h('button', { type: 'submit' }, 'Use token'), message));
    return;
  }
  const user = h('input', { id: 'user', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', type: 'password', autocomplete: 'current-password', required: true });
  show(h('h1', {}, 'Log in'),
    h('form', { class: 'login', onsubmit: async e => { e.preventDefault();
      try { await loginWithPassword(session, user.value, password.value); done(); } catch (err) { message.textContent = err.message; } } },
      h('label', { for: 'user' }, 'User'), user, h('label', { for: 'password' }, 'Password'), password,
      h('button', { type: 'submit', id: 'login' }, 'Log in'), message),
    h('p', { class: 'muted' }, session.auth === 'token'
      ? 'You get a token from this registry\'s token service; the session ends when it expires.'
      : 'Your credentials are kept in this tab only and sent with each request.'));
  user.focus();
}

export { ApiError };
