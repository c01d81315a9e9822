// The generic create / edit form of a record type: one control per editable field, the browser's
// checks from the metadata, then the server's answer: 422/409 details next to their fields, a 412
// (someone else saved first) explained with an offer to reload.
import {ApiError, get, patch, post} from '../api.js';
import {h, replace, toast} from '../dom.js';
import {editable, fieldLabel, href, pluralLabel, titleOf} from './metadata.js';
import {check, control, problemText} from './fields.js';

export async function render(main, {type, meta, id, query}) {
  const record = id ? await get(`${type.path}/${id}`) : null;
  const fields = editable(meta);
  const controls = new Map();
  const summary = h('div', {id: 'form-problems', class: 'form-problems', role: 'alert', tabindex: '-1', hidden: true});
  const save = h('button', {type: 'submit', class: 'primary', id: 'record-save'}, record ? 'Save changes' : `Create ${meta.label.toLowerCase()}`);
  const heading = record ? `Edit ${titleOf(meta, record)}` : `New ${meta.label.toLowerCase()}`;

  const rows = fields.map((f) => {
    const initial = record ? record[f.name] : initialValue(f, query);
    const input = control(f, initial);
    const target = input.focusTarget || input;
    target.id = `f-${f.name}`;
    controls.set(f.name, input);
    const hint = hintFor(f);
    const described = [hint ? `f-${f.name}-hint` : null, `f-${f.name}-error`].filter(Boolean).join(' ');
    target.setAttribute('aria-describedby', described);
    return h('div', {class: `field${f.kind === 'boolean' ? ' field-check' : ''}`, id: `field-${f.name}`},
      h('label', {for: target.id}, fieldLabel(f), f.required ? h('span', {class: 'required', 'aria-hidden': 'true'}, ' *') : null),
      input,
      hint ? h('p', {id: `f-${f.name}-hint`, class: 'hint'}, hint) : null,
      h('p', {id: `f-${f.name}-error`, class: 'field-error'}));
  });

  const form = h('form', {id: 'record-form', class: 'card record-form', 'aria-labelledby': 'form-title', novalidate: true},
    h('p', {class: 'hint'}, 'Fields marked * are required.'),
    summary, rows,
    h('div', {class: 'actions'}, save, h('a', {class: 'button', href: record ? href(type, record.id) : href(type)}, 'Cancel')));

  const mark = (problems) => {
    for (const f of fields) showProblem(f.name, '');
    const listed = [];
    for (const {field, message, link} of problems) {
      if (controls.has(field)) showProblem(field, message, link);
      listed.push(h('li', {}, controls.has(field)
        ? h('a', {href: `#f-${field}`, onclick: (e) => { e.preventDefault(); focusField(field); }}, `${fieldLabel(meta.byName[field])}: ${message}`)
        : [`${field ? `${field}: ` : ''}${message}`, link ? [' ', link] : null]));
    }
    summary.hidden = listed.length === 0;
    const onFields = problems.filter((p) => controls.has(p.field)).length;
    const lead = onFields === 0 ? 'Not saved:' : onFields === 1 ? 'Please correct this field:' : `Please correct these ${onFields} fields:`;
    replace(summary, listed.length ? [h('p', {class: 'strong'}, lead), h('ul', {}, listed)] : []);
  };

  const showProblem = (name, message, link) => {
    const input = controls.get(name);
    const target = input.focusTarget || input;
    const error = form.querySelector(`#f-${name}-error`);
    replace(error, message, link ? [' ', link] : null);
    if (message) target.setAttribute('aria-invalid', 'true'); else target.removeAttribute('aria-invalid');
  };

  const focusField = (name) => {
    const input = controls.get(name);
    (input.focusTarget || input).focus();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(fields.map((f) => [f.name, controls.get(f.name).read()]));
    const problems = fields.map((f) => ({field: f.name, message: check(f, values[f.name])})).filter((p) => p.message);
    mark(problems);
    if (problems.length) { summary.focus(); return; }
    const body = record ? changed(fields, record, values) : present(values);
    if (record && Object.keys(body).length === 0) { toast('Nothing changed.'); location.hash = href(type, record.id); return; }
    save.disabled = true;
    try {
      const saved = record
        ? await patch(`${type.path}/${record.id}`, body, {'If-Match': `"${record.version}"`})
        : await post(type.path, body);
      toast(`${meta.label} “${titleOf(meta, saved)}” ${record ? 'saved' : 'created'}.`);
      location.hash = href(type, saved.id);
    } catch (error) {
      save.disabled = false;
      mark(serverProblems(type, error));
      summary.focus();
    }
  });

  replace(main, h('p', {class: 'crumbs'}, h('a', {href: href(type)}, pluralLabel(type)),
    record ? [' › ', h('a', {href: href(type, record.id)}, titleOf(meta, record))] : null),
  h('h1', {id: 'form-title'}, heading), form);
  const first = fields.find((f) => !(record ? record[f.name] : initialValue(f, query)));
  if (first) focusField(first.name);
}

function initialValue(f, query) {
  if (query.has(f.name)) return f.kind === 'reference' || f.kind === 'integer' ? Number(query.get(f.name)) : query.get(f.name);
  return f.default ?? null;
}

function hintFor(f) {
  const parts = [];
  if (f.description) parts.push(f.description);
  if (f.kind === 'email') parts.push('An e-mail address, e.g. name@example.com.');
  if (f.kind === 'url') parts.push('A web address, e.g. example.com.');
  if (f.kind === 'country') parts.push('Two-letter ISO code, e.g. DE.');
  if (f.kind === 'currency') parts.push('Three-letter ISO code, e.g. EUR.');
  if (f.maxLength && f.kind === 'text') parts.push(`Up to ${f.maxLength} characters.`);
  return parts.join(' ');
}

function present(values) {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== ''));
}

/** Only what differs from the record as loaded; a cleared optional field is sent as null. */
function changed(fields, record, values) {
  const body = {};
  for (const f of fields) {
    const before = record[f.name] ?? null;
    const after = values[f.name];
    const same = f.kind === 'decimal' || f.kind === 'money' ? (before === null ? after === null : Number(before) === after) : before === after;
    if (!same) body[f.name] = after;
  }
  return body;
}

/** The server's refusal as problems per field (422, 409) or for the whole form (412 and the rest). */
function serverProblems(type, error) {
  if (!(error instanceof ApiError)) return [{field: '', message: String(error.message || error)}];
  if (error.status === 412) {
    // showing the route again loads the record as it is now
    const reload = h('button', {type: 'button', id: 'reload-record',
      onclick: () => window.dispatchEvent(new HashChangeEvent('hashchange'))}, 'Reload');
    return [{field: '', message: 'Someone else saved this record after you opened it, so your changes were not saved. '
      + 'Reload to see the current version (your edits here will be lost), then make them again.', link: reload}];
  }
  if (error.details.length && (error.status === 422 || error.status === 409)) {
    return error.details.map((d) => ({field: d.field, message: problemText(d.problem),
      link: d.existingId ? h('a', {href: href(type, d.existingId)}, 'Open the existing record') : null}));
  }
  return [{field: '', message: error.status === 403 ? `Not allowed: ${error.message}` : error.message}];
}
