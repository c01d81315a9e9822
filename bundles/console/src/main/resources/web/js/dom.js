// Tiny DOM helpers. Text always goes in as text nodes: nothing from the API is parsed as HTML.

/** Creates an element: h('button', {type: 'button', onclick: fn}, 'Save'). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'value' && 'value' in el) el.value = value;
    else if (key === 'checked') el.checked = Boolean(value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces the content of an element. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** A table with a caption, header cells with scope, wrapped so that it scrolls on narrow screens. */
export function table(caption, headers, rows, attrs = {}) {
  return h('div', {class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: '0'},
    h('table', attrs,
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((t) => h('th', {scope: 'col'}, t)))),
      h('tbody', {}, rows)));
}

/** A labelled form field; `input` is the control, `hint` an optional description tied by aria-describedby. */
export function field(id, label, input, hint) {
  input.id = id;
  const parts = [h('label', {for: id}, label), input];
  if (hint) {
    const hintId = `${id}-hint`;
    input.setAttribute('aria-describedby', hintId);
    parts.push(h('p', {id: hintId, class: 'hint'}, hint));
  }
  parts.push(h('p', {id: `${id}-error`, class: 'field-error', 'aria-live': 'polite'}));
  return h('div', {class: 'field'}, parts);
}

export function formatTime(value) {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined || Number.isNaN(bytes)) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** A short status message for screen readers and eyes; `kind` is 'ok' or 'error'. */
export function toast(message, kind = 'ok') {
  const el = document.getElementById('toast');
  el.className = `toast toast-${kind} toast-visible`;
  el.textContent = message;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => el.classList.remove('toast-visible'), 5000);
}
