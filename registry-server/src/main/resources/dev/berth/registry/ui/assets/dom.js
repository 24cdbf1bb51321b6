// Building the page: every string becomes a text node, never markup, so repository names, tags,
// labels and annotations cannot turn into HTML or script (no innerHTML anywhere in the UI).

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the element's content; null, undefined and false children are left out. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

export function show(...content) {
  fill(document.getElementById('main'), content);
}

export function notice(text) {
  const box = document.getElementById('notice');
  box.textContent = text;
  clearTimeout(notice.timer);
  notice.timer = setTimeout(() => { box.textContent = ''; }, 6000);
}

export function bytes(size) {
  if (size === null || size === undefined) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = size, unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return (unit === 0 ? value : value.toFixed(1)) + ' ' + units[unit];
}

export function when(text) {
  if (!text) return '';
  const date = new Date(text);
  return isNaN(date) ? text : date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function shortDigest(digest) {
  return digest ? digest.replace(/^sha256:/, '').slice(0, 12) : '';
}

/** A table whose cells carry their column name, for the stacked layout on phones. */
export function table(label, columns, rows) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'responsive', 'aria-label': label },
      h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.map(cells => h('tr', {}, cells.map((cell, i) =>
        h('td', { 'data-label': columns[i] }, cell)))))));
}

/** A command in a read-only field with a Copy button. */
export function command(label, text) {
  const field = h('input', { type: 'text', readonly: true, value: text, 'aria-label': label });
  const copy = async () => {
    field.select();
    try { await navigator.clipboard.writeText(text); notice('Copied: ' + text); }
    catch { document.execCommand && document.execCommand('copy'); notice('Selected: press Ctrl+C to copy'); }
  };
  return h('div', { class: 'command' }, field, h('button', { type: 'button', onclick: copy, 'aria-label': 'Copy ' + label }, 'Copy'));
}

/** Asks before something that cannot be undone; resolves true when confirmed. */
export function confirmDelete(text) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = text;
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'delete'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    document.getElementById('confirm-cancel').focus();
  });
}
