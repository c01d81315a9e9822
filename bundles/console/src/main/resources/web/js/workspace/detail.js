// The generic detail page of a record: its fields, the records of other types that reference it
// (an account's contacts), its change history, and Edit / Delete as the metadata grants them.
import {del, describe, get, items} from '../api.js';
import {formatTime, h, replace, toast} from '../dom.js';
import {user} from '../session.js';
import {describeType, fieldLabel, href, pathOf, pluralLabel, titleOf, types} from './metadata.js';
import {formatValue, valueNode} from './fields.js';

const RELATED = 20;

export async function render(main, {type, meta, id}) {
  const record = await get(`${type.path}/${id}`);
  const title = titleOf(meta, record);
  const own = meta.visible.filter((f) => !f.standard);
  const standard = meta.visible.filter((f) => f.standard && f.name !== 'id');
  replace(main,
    h('p', {class: 'crumbs'}, h('a', {href: href(type)}, pluralLabel(type))),
    h('div', {class: 'page-head'}, h('h1', {}, title), actions(type, meta, record, title)),
    h('section', {class: 'card', 'aria-labelledby': 'fields-title'},
      h('h2', {id: 'fields-title'}, 'Details'),
      h('dl', {class: 'fields', id: 'record-fields'}, own.map((f) => [h('dt', {}, fieldLabel(f)), h('dd', {'data-field': f.name}, valueNode(f, record[f.name]))])),
      h('dl', {class: 'fields fields-standard'}, standard.map((f) => [h('dt', {}, fieldLabel(f)), h('dd', {'data-field': f.name}, standardValue(f, record[f.name]))]))),
    h('div', {id: 'related'}),
    h('section', {'aria-labelledby': 'history-title', id: 'history'}, h('h2', {id: 'history-title'}, 'History'), h('p', {class: 'muted'}, 'Loading…')));
  await Promise.all([related(main.querySelector('#related'), type, record), history(main.querySelector('#history'), type, meta, id)]);
}

function standardValue(f, value) {
  if (f.name === 'ownerId') return document.createTextNode(value === user().id ? `you (#${value})` : `user #${value}`);
  return document.createTextNode(formatValue(f, value));
}

function actions(type, meta, record, title) {
  return h('div', {class: 'actions'},
    type.granted.edit ? h('a', {class: 'button', id: 'edit-record', href: href(type, record.id, 'edit')}, 'Edit') : null,
    type.granted.delete ? h('button', {type: 'button', class: 'danger', id: 'delete-record', onclick: async (event) => {
      if (!window.confirm(`Delete ${meta.label.toLowerCase()} “${title}”? It disappears from every list.`)) return;
      event.target.disabled = true;
      try {
        await del(`${type.path}/${record.id}`);
        toast(`${meta.label} “${title}” deleted.`);
        location.hash = href(type);
      } catch (error) {
        toast(describe(error), 'error');
        event.target.disabled = false;
      }
    }}, 'Delete') : null);
}

/** Every readable type with a filterable reference to this one: a short list of its records pointing here. */
async function related(host, type, record) {
  const all = await types();
  const sections = [];
  for (const other of all) {
    let meta;
    try { meta = await describeType(other.module, pathOf(other)); } catch { continue; }
    for (const ref of meta.visible.filter((f) => f.kind === 'reference' && f.references === type.resource && f.filters.includes(f.name))) {
      sections.push(relatedSection(other, meta, ref, record));
    }
  }
  replace(host, await Promise.all(sections));
}

async function relatedSection(other, meta, ref, record) {
  const id = `related-${other.module}-${pathOf(other)}-${ref.name}`;
  const heading = pluralLabel(other) + (meta.visible.filter((f) => f.references === ref.references).length > 1 ? ` (${fieldLabel(ref)})` : '');
  // the first column is the record's title; then a few fields that are not part of it
  const cols = [null, ...meta.visible.filter((f) => !f.standard && f.name !== ref.name && !['name', 'firstName', 'lastName'].includes(f.name)).slice(0, 3)];
  const section = h('section', {id, 'aria-labelledby': `${id}-title`}, h('div', {class: 'page-head'},
    h('h2', {id: `${id}-title`}, heading),
    other.granted.create ? h('a', {class: 'button', id: `${id}-new`,
      href: `${href(other, 'new')}?${new URLSearchParams({[ref.name]: String(record.id)})}`}, `New ${meta.label.toLowerCase()}`) : null));
  try {
    const answer = await get(`${other.path}?${new URLSearchParams({[ref.name]: String(record.id), limit: String(RELATED)})}`);
    const rows = items(answer);
    if (!rows.length) section.append(h('p', {class: 'muted'}, `No ${heading.toLowerCase()}.`));
    else {
      section.append(h('div', {class: 'table-wrap', role: 'region', 'aria-labelledby': `${id}-title`, tabindex: '0'},
        h('table', {}, h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, meta.label), cols.slice(1).map((f) => h('th', {scope: 'col'}, fieldLabel(f))))),
          h('tbody', {}, rows.map((r) => h('tr', {id: `${id}-${r.id}`},
            h('th', {scope: 'row'}, h('a', {href: href(other, r.id)}, titleOf(meta, r))),
            cols.slice(1).map((f) => h('td', {}, valueNode(f, r[f.name])))))))));
      if (answer.next) {
        section.append(h('p', {}, h('a', {href: `${href(other)}?${new URLSearchParams({[ref.name]: String(record.id)})}`},
          `All ${heading.toLowerCase()} of this record`)));
      }
    }
  } catch (error) {
    section.append(h('p', {role: 'alert'}, describe(error)));
  }
  return section;
}

async function history(host, type, meta, id) {
  let answer;
  try {
    answer = await get(`${type.path}/${id}/history?limit=50`);
  } catch (error) {
    replace(host, h('h2', {id: 'history-title'}, 'History'), h('p', {role: 'alert'}, describe(error)));
    return;
  }
  const me = user();
  const rows = items(answer).map((change) => h('tr', {},
    h('td', {}, formatTime(change.at)),
    h('td', {}, change.userId === me.id ? `you (${me.username})` : `user #${change.userId}`),
    h('td', {}, {CREATED: 'created', UPDATED: 'changed', DELETED: 'deleted'}[change.kind] || change.kind),
    h('td', {}, changeList(meta, change.changes || {}))));
  replace(host, h('h2', {id: 'history-title'}, 'History'),
    rows.length ? h('div', {class: 'table-wrap', role: 'region', 'aria-labelledby': 'history-title', tabindex: '0'},
      h('table', {id: 'history-table'},
        h('thead', {}, h('tr', {}, ['When', 'Who', 'What', 'Fields'].map((t) => h('th', {scope: 'col'}, t)))),
        h('tbody', {}, rows)))
      : h('p', {class: 'muted'}, 'No recorded changes.'),
    answer.next ? h('p', {class: 'muted'}, 'Older changes are not shown.') : null);
}

function changeList(meta, changes) {
  const entries = Object.entries(changes).filter(([name]) => !(meta.byName[name] && meta.byName[name].hidden));
  if (!entries.length) return '—';
  return h('ul', {class: 'changes'}, entries.map(([name, change]) => {
    const field = meta.byName[name] || {name, kind: 'text'};
    if (change && change.redacted) return h('li', {}, `${fieldLabel(field)}: (hidden)`);
    return h('li', {}, h('span', {class: 'strong'}, fieldLabel(field)), ': ',
      change.before === null || change.before === undefined ? null : [h('del', {}, formatValue(field, change.before)), ' → '],
      h('ins', {}, formatValue(field, change.after)));
  }));
}
