// The change history of one PID from platform-tuning: who changed what when, old → new, and a
// rollback button per change. Without platform-tuning it says so instead.
import {ApiError, describe, get, items, post} from '../api.js';
import {formatTime, h, table, toast} from '../dom.js';

export async function historySection(pid, editable, changed) {
  const section = h('section', {class: 'history', 'aria-labelledby': 'history-title'},
    h('h3', {id: 'history-title'}, 'Change history'));
  let changes;
  try {
    changes = items(await get('/api/platform/tuning/changes?limit=200'))
      .filter((c) => !c.pid || c.pid === pid);
  } catch (error) {
    section.append(h('p', {class: 'muted', id: 'history-unavailable'}, error instanceof ApiError && error.unavailable
      ? 'Not available: the change history needs platform-tuning, which does not answer on this server.'
      : describe(error)));
    return section;
  }
  if (changes.length === 0) {
    section.append(h('p', {class: 'muted'}, 'No recorded changes yet.'));
    return section;
  }
  section.append(table(`Changes to ${pid}, newest first`, ['When', 'Who', 'Setting', 'Change', 'Reason', ''],
    changes.map((c) => h('tr', {id: `change-${c.id}`, class: c.rolledBack ? 'rolled-back' : null},
      h('td', {}, formatTime(c.at)),
      h('td', {}, c.who || '—'),
      h('th', {scope: 'row'}, h('code', {}, c.key)),
      h('td', {}, h('del', {}, text(c.old)), ' → ', h('ins', {}, text(c.new))),
      h('td', {}, c.reason || '', c.source ? h('span', {class: 'muted small'}, ` (${c.source})`) : null),
      h('td', {}, c.rolledBack ? h('span', {class: 'muted'}, 'rolled back')
        : editable ? h('button', {type: 'button', id: `rollback-${c.id}`, 'aria-label': `Roll back ${c.key} to ${text(c.old)}`,
          onclick: async (e) => {
            e.target.disabled = true;
            try {
              await post(`/api/platform/tuning/rollback/${encodeURIComponent(c.id)}`);
              toast(`Rolled ${c.key} back to ${text(c.old)}.`);
              await changed();
            } catch (error) {
              toast(describe(error), 'error');
              e.target.disabled = false;
            }
          }}, 'Roll back') : null))),
    {id: 'history-table'}));
  return section;
}

function text(value) {
  return value === undefined || value === null || value === '' ? '(unset)' : String(value);
}
