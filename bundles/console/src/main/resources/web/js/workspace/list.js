// The generic list of a record type: search (q=), the filters and sorts its metadata allows, keyset
// "Load more" (after=), and a column chooser remembered in localStorage.
import {describe, get, items} from '../api.js';
import {h, replace} from '../dom.js';
import {fieldLabel, href, pluralLabel, titleFields, titleOf} from './metadata.js';
import {valueNode} from './fields.js';

const PAGE = 25;

export function render(main, {type, meta, query}) {
  const columns = chosenColumns(meta);
  const state = {q: query.get('q') || '', sort: query.get('sort') || '', filters: {}};
  for (const f of meta.visible) for (const p of f.filters) if (query.get(p)) state.filters[p] = query.get(p);

  const title = pluralLabel(type);
  const status = h('p', {id: 'list-status', class: 'muted', role: 'status', 'aria-live': 'polite'});
  const tableHost = h('div');
  const more = h('button', {type: 'button', id: 'load-more', hidden: true}, 'Load more');
  let next = null;
  let body = null;
  let latest = 0; // an answer to an older search or sort that arrives late is dropped

  // the same search, filters and order as a CSV file (at most 10,000 rows: the export's chunk)
  const exportLink = type.granted.export
    ? h('a', {class: 'button', id: 'export-csv', download: `${type.path.split('/').pop()}.csv`}, 'Export CSV') : null;
  const listQuery = () => {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    if (state.sort) params.set('sort', state.sort);
    for (const [p, v] of Object.entries(state.filters)) if (v) params.set(p, v);
    return params;
  };

  const load = async (append) => {
    if (exportLink) exportLink.setAttribute('href', `${type.path}/export?${new URLSearchParams({format: 'csv', ...Object.fromEntries(listQuery())})}`);
    const names = new Set(['id', ...titleFields(meta), ...columns().map((f) => f.name)]);
    const params = listQuery();
    params.set('limit', String(PAGE));
    params.set('fields', [...names].join(','));
    if (append && next) params.set('after', next);
    const mine = ++latest;
    more.disabled = true;
    try {
      const answer = await get(`${type.path}?${params}`);
      if (mine !== latest) return;
      next = answer.next || null;
      const rows = items(answer).map((r) => row(type, meta, columns(), r));
      if (!append || !body) tableHost.replaceChildren(table(rows));
      else body.append(...rows);
      const count = body.children.length;
      status.textContent = count === 0 ? `No ${title.toLowerCase()} found.` : `${count} shown${next ? ', more available' : ''}.`;
      more.hidden = !next;
    } catch (error) {
      if (mine !== latest) return;
      status.textContent = '';
      tableHost.replaceChildren(h('p', {role: 'alert', class: 'card denied'}, describe(error)));
      more.hidden = true;
    } finally {
      more.disabled = false;
    }
  };

  const table = (rows) => {
    const cols = columns();
    body = h('tbody', {}, rows);
    return h('div', {class: 'table-wrap', role: 'region', 'aria-labelledby': 'records-caption', tabindex: '0'},
      h('table', {id: 'records-table'},
        h('caption', {id: 'records-caption'}, title),
        h('thead', {}, h('tr', {}, header(titleColumn(meta), meta.label), cols.map((f) => header(f)))),
        body));
  };

  const header = (f, name) => {
    const label = name || fieldLabel(f);
    if (!f.sortable) return h('th', {scope: 'col'}, label);
    const current = state.sort === f.name ? 'ascending' : state.sort === `-${f.name}` ? 'descending' : null;
    const button = h('button', {type: 'button', class: 'link-button sort', id: `sort-${f.name}`,
      onclick: () => { state.sort = current === 'ascending' ? `-${f.name}` : f.name; load(false); }},
    label, current ? (current === 'ascending' ? ' ▲' : ' ▼') : '');
    button.setAttribute('aria-label', `Sort by ${label}${current === 'ascending' ? ', descending' : ''}`);
    return h('th', {scope: 'col', 'aria-sort': current || 'none'}, button);
  };

  more.addEventListener('click', () => load(true));

  const actions = h('div', {class: 'actions'}, exportLink,
    type.granted.create ? h('a', {class: 'button primary', id: 'new-record', href: href(type, 'new')}, `New ${meta.label.toLowerCase()}`) : null);

  replace(main, h('div', {class: 'page-head'}, h('h1', {}, title), actions),
    searchForm(meta, state, () => load(false)),
    h('div', {class: 'list-tools'}, filterPanel(meta, state, () => load(false)), columnChooser(meta, columns, () => load(false))),
    status, tableHost, more);
  return load(false);
}

function row(type, meta, cols, record) {
  return h('tr', {id: `record-${record.id}`},
    h('th', {scope: 'row'}, h('a', {href: href(type, record.id)}, titleOf(meta, record))),
    cols.map((f) => h('td', {}, valueNode(f, record[f.name]))));
}

/** The first column names the record; it sorts by the last field of its name (a person's last name). */
function titleColumn(meta) {
  const names = titleFields(meta);
  const sortBy = [...names].reverse().find((n) => meta.byName[n].sortable);
  return sortBy ? meta.byName[sortBy] : {name: 'title', sortable: false};
}

function searchForm(meta, state, apply) {
  const searchable = meta.visible.filter((f) => f.searchable);
  if (!searchable.length) return null;
  const input = h('input', {type: 'search', id: 'list-q', name: 'q', value: state.q,
    'aria-describedby': 'list-q-hint', autocomplete: 'off'});
  const form = h('form', {role: 'search', class: 'search', 'aria-label': `Search ${meta.label.toLowerCase()}s`},
    h('label', {for: 'list-q', class: 'visually-hidden'}, 'Search'), input,
    h('button', {type: 'submit', id: 'list-search'}, 'Search'),
    h('p', {id: 'list-q-hint', class: 'hint'}, `Finds by the start of ${searchable.map((f) => fieldLabel(f).toLowerCase()).join(', ')}.`));
  form.addEventListener('submit', (event) => { event.preventDefault(); state.q = input.value.trim(); apply(); });
  return form;
}

function filterPanel(meta, state, apply) {
  const filterable = meta.visible.filter((f) => f.filters.length && !f.hidden);
  if (!filterable.length) return null;
  const inputs = [];
  const fields = filterable.flatMap((f) => f.filters.map((param) => {
    const input = filterInput(f, param, state.filters[param]);
    input.id = `filter-${param}`;
    inputs.push([param, input]);
    return h('div', {class: 'field'}, h('label', {for: input.id}, filterLabel(f, param)), input);
  }));
  const form = h('form', {class: 'filters', id: 'filters-form'}, h('div', {class: 'filter-grid'}, fields),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', id: 'apply-filters'}, 'Apply filters'),
      h('button', {type: 'reset'}, 'Clear')));
  const read = () => { state.filters = {}; for (const [p, i] of inputs) if (i.read()) state.filters[p] = i.read(); };
  form.addEventListener('submit', (event) => { event.preventDefault(); read(); apply(); });
  form.addEventListener('reset', () => setTimeout(() => { read(); apply(); }));
  return h('details', {class: 'tool filters-toggle', open: Object.keys(state.filters).length > 0}, h('summary', {}, 'Filters'), form);
}

function filterLabel(f, param) {
  const label = fieldLabel(f);
  if (param === f.name) return label;
  const suffix = param.slice(param.search(/(From|To|After|Before)$/));
  return `${label}: ${{From: 'from', To: 'to', After: 'after', Before: 'before'}[suffix] || suffix}`;
}

function filterInput(f, param, value) {
  let input;
  if (f.values) {
    input = h('select', {}, h('option', {value: ''}, 'Any'), f.values.map((v) => h('option', {value: v}, v)));
    input.value = value || '';
  } else if (f.kind === 'boolean') {
    input = h('select', {}, h('option', {value: ''}, 'Any'), h('option', {value: 'true'}, 'Yes'), h('option', {value: 'false'}, 'No'));
    input.value = value || '';
  } else if (f.kind === 'datetime') {
    input = h('input', {type: 'datetime-local'});
    input.read = () => (input.value ? new Date(input.value).toISOString() : '');
    return input;
  } else if (['integer', 'decimal', 'money', 'reference'].includes(f.kind)) {
    input = h('input', {type: 'number', step: f.kind === 'decimal' || f.kind === 'money' ? 'any' : '1', value: value || ''});
  } else {
    input = h('input', {type: f.kind === 'date' ? 'date' : 'text', value: value || ''});
  }
  input.read = () => input.value.trim();
  return input;
}

function storageKey(meta) {
  return `mosaic.columns.${meta.resource}`;
}

/** The columns after the record's name: the user's choice for this type, else the first four declared fields. */
function chosenColumns(meta) {
  let saved = null;
  try { saved = JSON.parse(localStorage.getItem(storageKey(meta)) || 'null'); } catch { saved = null; }
  const named = titleFields(meta);
  const choosable = meta.visible.filter((f) => f.name !== 'id' && f.name !== 'version' && !named.includes(f.name));
  const defaults = choosable.filter((f) => !f.standard).slice(0, 4).map((f) => f.name);
  let names = Array.isArray(saved) ? saved.filter((n) => choosable.some((f) => f.name === n)) : defaults;
  if (!names.length) names = defaults;
  const columns = () => names.map((n) => meta.byName[n]);
  columns.choosable = choosable;
  columns.set = (next) => { names = next.length ? next : defaults; localStorage.setItem(storageKey(meta), JSON.stringify(names)); };
  columns.has = (n) => names.includes(n);
  return columns;
}

function columnChooser(meta, columns, apply) {
  const boxes = columns.choosable.map((f) => h('label', {class: 'check'},
    h('input', {type: 'checkbox', value: f.name, id: `column-${f.name}`, checked: columns.has(f.name)}), ` ${fieldLabel(f)}`));
  const fieldset = h('fieldset', {}, h('legend', {}, 'Columns to show'), boxes);
  fieldset.addEventListener('change', () => {
    const inputs = boxes.map((b) => b.querySelector('input'));
    columns.set(inputs.filter((i) => i.checked).map((i) => i.value));
    for (const input of inputs) input.checked = columns.has(input.value); // none chosen = the defaults again
    apply();
  });
  return h('details', {class: 'tool', id: 'column-chooser'}, h('summary', {}, 'Columns'), fieldset);
}
