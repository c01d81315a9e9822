// Renders a Metatype description as a form: number inputs with ranges, checkboxes, option lists,
// password fields; shows the pending changes as a diff and validates before sending.
import {field, h, replace} from '../dom.js';

const INTEGER = ['integer', 'long', 'short', 'byte'];
const DECIMAL = ['double', 'float'];

export function buildForm(config, schema, editable, apply) {
  const attributes = schema ? schema.attributes : Object.keys(config.values || {}).map((id) =>
    ({id, name: id, type: 'string', cardinality: 0, options: [], defaultValue: []}));
  const controls = new Map();
  const diff = h('div', {id: 'config-diff', class: 'diff', 'aria-live': 'polite'});
  const submit = h('button', {type: 'submit', id: 'config-apply', class: 'primary', disabled: !editable}, 'Apply');
  const form = h('form', {id: 'config-form', class: 'config-form', novalidate: true, 'aria-labelledby': 'config-title'});
  for (const ad of attributes) {
    const current = (config.values || {})[ad.id];
    const control = controlFor(ad, current, editable);
    controls.set(ad.id, {ad, control, current});
    form.append(field(`cfg-${ad.id}`, ad.name && ad.name !== ad.id ? `${ad.name} (${ad.id})` : ad.id, control, hint(ad)));
  }
  form.append(diff, h('div', {class: 'actions'}, submit,
    editable ? null : h('span', {class: 'muted'}, 'You may read but not change this configuration.')));

  const pending = () => {
    const changes = {};
    for (const [id, {ad, control, current}] of controls) {
      const value = read(ad, control);
      if (value !== undefined && String(value) !== String(current ?? '')) changes[id] = value;
    }
    return changes;
  };
  const showDiff = () => {
    const changes = pending();
    const keys = Object.keys(changes);
    replace(diff, keys.length === 0 ? null : [h('h3', {}, 'Changes to apply'), h('ul', {}, keys.map((k) => h('li', {},
      h('code', {}, k), ': ', h('del', {}, show(controls.get(k).current)), ' → ', h('ins', {}, show(changes[k])))))]);
  };
  form.addEventListener('input', showDiff);
  form.addEventListener('change', showDiff);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    let valid = true;
    for (const [id, {control}] of controls) {
      if (!control.checkValidity()) {
        problem(form, id, control.validationMessage);
        valid = false;
      }
    }
    const changes = pending();
    if (!valid) return;
    if (Object.keys(changes).length === 0) {
      replace(diff, h('p', {class: 'muted'}, 'Nothing changed.'));
      return;
    }
    submit.disabled = true;
    await apply(changes, (details) => details.forEach((d) => problem(form, d.field, d.problem)));
    submit.disabled = !editable;
  });
  return form;
}

function controlFor(ad, current, editable) {
  const disabled = !editable || ad.cardinality !== 0;
  const value = ad.type === 'password' ? '' : (current ?? '');
  if (ad.options && ad.options.length) {
    return h('select', {name: ad.id, disabled}, ad.options.map((o) =>
      h('option', {value: o.value, selected: String(o.value) === String(current)}, o.label || o.value)));
  }
  if (ad.type === 'boolean') {
    return h('input', {type: 'checkbox', name: ad.id, disabled, checked: String(current) === 'true'});
  }
  if (INTEGER.includes(ad.type) || DECIMAL.includes(ad.type)) {
    return h('input', {type: 'number', name: ad.id, disabled, value: String(value), required: true,
      step: INTEGER.includes(ad.type) ? '1' : 'any', min: ad.min ?? null, max: ad.max ?? null, inputmode: 'numeric'});
  }
  return h('input', {type: ad.type === 'password' ? 'password' : 'text', name: ad.id, disabled, value: String(value),
    autocomplete: ad.type === 'password' ? 'new-password' : 'off',
    placeholder: ad.type === 'password' ? 'unchanged' : null});
}

/** The typed value of a control; undefined for "leave as it is" (an empty password field). */
function read(ad, control) {
  if (control.disabled) return undefined;
  if (ad.type === 'boolean') return control.checked;
  if (ad.type === 'password') return control.value === '' ? undefined : control.value;
  if (INTEGER.includes(ad.type)) return control.value === '' ? undefined : Number(control.value);
  if (DECIMAL.includes(ad.type)) return control.value === '' ? undefined : Number(control.value);
  return control.value;
}

function hint(ad) {
  const parts = [];
  if (ad.description) parts.push(/[.!?]$/.test(ad.description.trim()) ? ad.description.trim() : `${ad.description.trim()}.`);
  if (ad.min != null && ad.max != null) parts.push(`From ${ad.min} to ${ad.max}.`);
  else if (ad.min != null) parts.push(`At least ${ad.min}.`);
  else if (ad.max != null) parts.push(`At most ${ad.max}.`);
  if (ad.defaultValue && ad.defaultValue.length) parts.push(`Default: ${ad.defaultValue.join(', ')}.`);
  if (ad.cardinality !== 0) parts.push('Lists are edited in the config file.');
  return parts.join(' ');
}

function show(value) {
  return value === undefined || value === null || value === '' ? '(empty)' : String(value);
}

function problem(form, id, message) {
  const slot = form.querySelector(`#cfg-${CSS.escape(id)}-error`);
  const control = form.querySelector(`#cfg-${CSS.escape(id)}`);
  if (slot) slot.textContent = message.replaceAll('_', ' ');
  if (control) control.setAttribute('aria-invalid', 'true');
}

function clearProblems(form) {
  form.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}
