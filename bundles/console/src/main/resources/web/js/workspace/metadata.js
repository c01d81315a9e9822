// The record types the signed-in user may read, as GET /api/metadata says right now. The summaries
// are fetched again on every page shown (a module enabled or disabled shows at the next navigation);
// the full descriptions are kept until then.
import {get} from '../api.js';

let summaries = null;
const full = new Map();

/** Forgets what was loaded: the next call asks the server again. */
export function invalidate() {
  summaries = null;
  full.clear();
}

/** The summaries of every readable record type ({module, entity, label, path, resource, granted}). */
export async function types() {
  if (!summaries) {
    summaries = get('/api/metadata').then((answer) => (answer && answer.entities) || [])
      .catch((error) => { summaries = null; throw error; });
  }
  return summaries;
}

/** The full description of one type (fields, unique keys, default sort), or null if it is not running. */
export async function describeType(module, path) {
  const key = `${module}/${path}`;
  if (!full.has(key)) {
    full.set(key, get(`/api/metadata/${encodeURIComponent(module)}/${encodeURIComponent(path)}`)
      .then(withNames).catch((error) => { full.delete(key); throw error; }));
  }
  return full.get(key);
}

/** The summary of the type a reference names by resource (`customers.accounts`), or null. */
export async function byResource(resource) {
  return (await types()).find((t) => t.resource === resource) || null;
}

/** The last segment of a type's API path: `accounts` for `/api/customers/accounts`. */
export function pathOf(type) {
  return type.path.split('/').pop();
}

/** The console route of a type's list, or of one of its records. */
export function href(type, id, action) {
  const base = `#/records/${type.module}/${pathOf(type)}`;
  return [base, id, action].filter((p) => p !== undefined && p !== null && p !== '').join('/');
}

/** "Accounts" for accounts, "Support cases" for support-cases: what a list of the type is called. */
export function pluralLabel(type) {
  return words(pathOf(type));
}

/** "Customers" for customers: what the navigation calls a module. */
export function moduleLabel(module) {
  return words(module);
}

/** "Annual revenue" for annualRevenue, "Account" for accountId. */
export function fieldLabel(field) {
  const name = field.kind === 'reference' && /Id$/.test(field.name) && field.name !== 'id' ? field.name.slice(0, -2) : field.name;
  if (name === 'id') return 'Id';
  return words(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2'));
}

function words(text) {
  const spaced = text.replace(/[-_]+/g, ' ').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function withNames(meta) {
  meta.byName = Object.fromEntries(meta.fields.map((f) => [f.name, f]));
  // hidden fields (field rules) simply do not appear
  meta.visible = meta.fields.filter((f) => !f.hidden);
  return meta;
}

/** The fields a person edits: declared (not standard), visible and writable. */
export function editable(meta) {
  return meta.visible.filter((f) => !f.standard && !f.readOnly);
}

/** The fields that name a record: its name, a person's names, a title or subject, else its first required text. */
export function titleFields(meta) {
  const has = (name) => meta.byName[name] && !meta.byName[name].hidden;
  if (has('name')) return ['name'];
  if (has('lastName')) return ['firstName', 'lastName'].filter(has);
  for (const name of ['title', 'subject', 'number', 'code']) {
    if (has(name)) return [name];
  }
  const text = meta.visible.find((f) => !f.standard && f.kind === 'text' && f.required);
  return text ? [text.name] : [];
}

/** What to call one record: "Acme Robotics", "Ada Lovelace", else "Account 17". */
export function titleOf(meta, record) {
  if (!record) return '';
  const text = titleFields(meta).map((name) => record[name]).filter((v) => v !== null && v !== undefined && v !== '').join(' ');
  return text || `${meta.label} ${record.id}`;
}
