// #/workspace: the record types the signed-in user may read, grouped by module.
import {h, replace} from '../dom.js';
import {href, moduleLabel, pluralLabel, types} from '../workspace/metadata.js';

export async function render(main) {
  const all = await types();
  const modules = [...new Set(all.map((t) => t.module))];
  replace(main, h('h1', {}, 'Workspace'),
    all.length === 0
      ? h('p', {class: 'card', id: 'workspace-empty'}, 'There are no records you may read right now: no CRM module is enabled, '
        + 'or your roles grant none. Ask an administrator.')
      : h('div', {class: 'workspace-grid'}, modules.map((m) => h('section', {class: 'card', 'aria-labelledby': `ws-${m}`},
        h('h2', {id: `ws-${m}`}, moduleLabel(m)),
        h('ul', {class: 'plain'}, all.filter((t) => t.module === m).map((t) => h('li', {},
          h('a', {href: href(t)}, pluralLabel(t)),
          t.granted.create ? [' · ', h('a', {href: href(t, 'new'), class: 'small'}, `new ${t.label.toLowerCase()}`)] : null)))))));
}
