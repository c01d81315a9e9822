// One field of a record type, the way its metadata describes it: how a value reads, which control
// edits it, what the browser checks before sending, and what the server's problem codes mean.
import {get, items} from '../api.js';
import {h} from '../dom.js';
import {byResource, describeType, href, titleOf} from './metadata.js';

// the server's own rule (FieldChecks), so that the browser refuses no address the server takes
const EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const URL = /^(https?:\/\/)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(:\d{1,5})?([/?#]\S*)?$/i;

const PROBLEMS = {
  required: 'Required.',
  too_long: 'Too long.',
  control_characters: 'Contains control characters.',
  wrong_type: 'Not a value of the right type.',
  invalid_email: 'Not a valid e-mail address.',
  invalid_url: 'Not a valid web address.',
  invalid_country: 'Not an ISO 3166 country code (two letters, e.g. DE).',
  invalid_currency: 'Not an ISO 4217 currency code (three letters, e.g. EUR).',
  invalid_date: 'Not a valid date.',
  not_allowed_value: 'Not one of the allowed values.',
  unknown_reference: 'No such record (or it was deleted).',
  unknown_field: 'This field does not exist.',
  read_only: 'This field cannot be changed.',
  negative: 'Must not be negative.',
  too_small: 'Too small.',
  too_large: 'Too large.',
  too_many_decimals: 'Too many decimal places.',
  invalid_id: 'Not a valid id.',
  currency_required: 'A currency is required with an amount.',
  already_exists: 'Another record already has this value.',
};

/** A server problem code in words. */
export function problemText(problem) {
  return PROBLEMS[problem] || String(problem).replace(/_/g, ' ');
}

/** A value as text for reading. */
export function formatValue(field, value) {
  if (value === null || value === undefined || value === '') return '—';
  switch (field.kind) {
    case 'boolean': return value ? 'Yes' : 'No';
    case 'datetime': return new Date(value).toLocaleString();
    case 'date': return String(value);
    case 'decimal': case 'money': case 'integer': return Number(value).toLocaleString(undefined, {maximumFractionDigits: 10});
    default: return String(value);
  }
}

const labels = new Map(); // resource/id → promise of a record's title

/** The title of a referenced record, fetched once per page load; null when it cannot be read. */
async function referenceTitle(resource, id) {
  const key = `${resource}/${id}`;
  if (!labels.has(key)) {
    labels.set(key, (async () => {
      const type = await byResource(resource);
      if (!type) return null;
      const [meta, record] = await Promise.all([describeType(type.module, type.path.split('/').pop()), get(`${type.path}/${id}`)]);
      return titleOf(meta, record);
    })().catch(() => null));
  }
  return labels.get(key);
}

export function forgetTitles() {
  labels.clear();
}

/** A cell or definition for a value: references become links named after the record they point at. */
export function valueNode(field, value) {
  if (field.kind === 'reference' && field.references && value !== null && value !== undefined) {
    const link = h('a', {href: '#'}, `#${value}`);
    byResource(field.references).then((type) => {
      if (!type) { link.replaceWith(document.createTextNode(`#${value}`)); return; }
      link.setAttribute('href', href(type, value));
      referenceTitle(field.references, value).then((title) => { if (title) link.textContent = title; });
    });
    return link;
  }
  if (field.kind === 'email' && value) return h('a', {href: `mailto:${value}`}, String(value));
  if (field.kind === 'url' && value) {
    const url = /^https?:\/\//i.test(value) ? value : `https://${value}`;
    return h('a', {href: url, rel: 'noopener noreferrer', target: '_blank'}, String(value));
  }
  return document.createTextNode(formatValue(field, value));
}

/** The control that edits a field, filled with `value`; `control.read()` gives the value to send. */
export function control(field, value) {
  const common = {name: field.name, required: field.required || null};
  let input;
  switch (field.kind) {
    case 'boolean':
      input = h('input', {...common, type: 'checkbox', checked: Boolean(value), required: null});
      input.read = () => input.checked;
      return input;
    case 'enum':
      input = h('select', common, field.required ? null : h('option', {value: ''}, '—'),
        (field.values || []).map((v) => h('option', {value: v, selected: v === value}, v)));
      if (value !== null && value !== undefined) input.value = value;
      break;
    case 'reference':
      return referenceControl(field, value);
    case 'integer': case 'decimal': case 'money':
      input = h('input', {...common, type: 'number', inputmode: field.kind === 'integer' ? 'numeric' : 'decimal',
        step: field.kind === 'integer' ? '1' : 'any', value: value ?? ''});
      input.read = () => (input.value === '' ? null : Number(input.value));
      return input;
    case 'date':
      input = h('input', {...common, type: 'date', value: value ?? ''});
      break;
    case 'datetime':
      input = h('input', {...common, type: 'datetime-local', step: '1', value: value ? localInput(value) : ''});
      input.read = () => (input.value ? new Date(input.value).toISOString() : null);
      return input;
    case 'email':
      input = h('input', {...common, type: 'email', autocomplete: 'off', value: value ?? ''});
      break;
    case 'url':
      input = h('input', {...common, type: 'text', inputmode: 'url', autocomplete: 'off', value: value ?? ''});
      break;
    case 'phone':
      input = h('input', {...common, type: 'tel', value: value ?? ''});
      break;
    default:
      input = (field.maxLength || 0) > 500
        ? h('textarea', {...common, rows: '4'}, value ?? '')
        : h('input', {...common, type: 'text', value: value ?? ''});
  }
  if (field.maxLength && 'maxLength' in input) input.setAttribute('maxlength', String(field.maxLength));
  if (field.kind === 'country' || field.kind === 'currency') input.setAttribute('autocapitalize', 'characters');
  input.read ||= () => (input.value.trim() === '' ? null : input.value.trim());
  return input;
}

function localInput(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * A reference: a drop-down of the target's records with a search box that narrows it (`q=`). When
 * the target type is not running or not readable, a plain id field.
 */
function referenceControl(field, value) {
  const select = h('select', {name: field.name, required: field.required || null});
  select.read = () => (select.value === '' ? null : Number(select.value));
  const wrap = h('div', {class: 'reference'}, select);
  wrap.read = select.read;
  wrap.focusTarget = select;
  byResource(field.references).then(async (type) => {
    if (!type) {
      const plain = h('input', {name: field.name, type: 'number', min: '1', step: '1', value: value ?? ''});
      plain.id = select.id;
      select.replaceWith(plain);
      wrap.read = () => (plain.value === '' ? null : Number(plain.value));
      wrap.focusTarget = plain;
      return;
    }
    const meta = await describeType(type.module, type.path.split('/').pop());
    const search = h('input', {type: 'search', class: 'reference-search', 'aria-label': `Search ${field.name.replace(/Id$/, '')}`,
      placeholder: 'Search…', id: `${select.id}-search`});
    const fill = async (q) => {
      const query = new URLSearchParams({limit: '50'});
      if (q) query.set('q', q);
      const found = items(await get(`${type.path}?${query}`));
      const keep = select.value || (value ?? '');
      const options = found.map((r) => h('option', {value: String(r.id)}, `${titleOf(meta, r)} (#${r.id})`));
      if (keep && !found.some((r) => String(r.id) === String(keep))) {
        options.unshift(h('option', {value: String(keep)}, (await referenceTitle(field.references, keep)) || `#${keep}`));
      }
      select.replaceChildren(h('option', {value: ''}, '—'), ...options);
      select.value = String(keep);
    };
    let timer = null;
    search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => fill(search.value.trim()).catch(() => {}), 250); });
    if (meta.visible.some((f) => f.searchable)) wrap.prepend(search);
    await fill('');
    wrap.dispatchEvent(new Event('ready'));
  }).catch(() => {});
  return wrap;
}

/** The browser's checks of one value against the metadata; returns a message or ''. */
export function check(field, value) {
  const empty = value === null || value === undefined || value === '';
  if (empty) return field.required && field.kind !== 'boolean' ? PROBLEMS.required : '';
  if (typeof value === 'string') {
    if (field.maxLength && [...value].length > field.maxLength) return `At most ${field.maxLength} characters.`;
    if (field.kind === 'email' && !EMAIL.test(value)) return PROBLEMS.invalid_email;
    if (field.kind === 'url' && !URL.test(value)) return PROBLEMS.invalid_url;
    if (field.kind === 'country' && !/^[A-Za-z]{2}$/.test(value)) return PROBLEMS.invalid_country;
    if (field.kind === 'currency' && !/^[A-Za-z]{3}$/.test(value)) return PROBLEMS.invalid_currency;
    if (field.values && !field.values.includes(value)) return PROBLEMS.not_allowed_value;
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return PROBLEMS.wrong_type;
    if (field.kind === 'integer' && !Number.isInteger(value)) return 'Must be a whole number.';
    const schema = field.schema || {};
    if (schema.minimum !== undefined && value < schema.minimum) return `At least ${schema.minimum}.`;
    if (schema.maximum !== undefined && value > schema.maximum) return `At most ${schema.maximum}.`;
  }
  return '';
}
