// Modules: every Mosaic module and every bundle, with enable/disable, update from a jar, uninstall,
// install from plugins/, and wiring problems in words.
import {ApiError, del, describe, get, items, post, put} from '../api.js';
import {h, replace, table, toast} from '../dom.js';
import {may} from '../session.js';

export async function render(main) {
  const admin = may('platform.modules:admin');
  const refresh = () => render(main);
  let modules;
  let bundles = [];
  try {
    modules = items(await get('/api/platform/modules'));
  } catch (error) {
    replace(main, h('h1', {}, 'Modules'), h('p', {role: 'alert', class: 'form-error'}, describe(error)));
    return;
  }
  try { bundles = items(await get('/api/platform/bundles')); } catch { /* shown as unavailable below */ }
  const byId = new Map(bundles.map((b) => [b.id, b]));
  replace(main,
    h('h1', {}, 'Modules'),
    h('p', {class: 'muted'}, 'Disabling a module stops it: its API answers 503 until it is enabled again. Data is kept.'),
    table('Mosaic modules', ['Module', 'Version', 'State', 'Start level', 'Bundle', 'Actions'],
      modules.map((m) => moduleRow(m, byId.get(m.bundleId), admin, refresh)), {id: 'modules-table'}),
    await pluginsSection(admin, refresh),
    bundlesSection(bundles, admin, refresh));
}

function moduleRow(m, bundle, admin, refresh) {
  const actions = h('div', {class: 'actions'});
  if (admin && !m.core) {
    const verb = m.enabled ? 'disable' : 'enable';
    actions.append(h('button', {
      type: 'button', id: `${verb}-${m.id}`, 'aria-label': `${verb === 'disable' ? 'Disable' : 'Enable'} ${m.name}`,
      onclick: (e) => act(e.target, () => post(`/api/platform/modules/${encodeURIComponent(m.id)}/${verb}`),
        `${m.name} ${verb}d.`, refresh),
    }, verb === 'disable' ? 'Disable' : 'Enable'));
  }
  if (admin && bundle && bundle.changeable) actions.append(...bundleActions(bundle, m.name, refresh));
  if (m.core) actions.append(h('span', {class: 'muted'}, 'part of the platform'));
  return h('tr', {id: `module-${m.id}`},
    h('th', {scope: 'row'}, h('span', {class: 'strong'}, m.name), h('br'), h('code', {}, m.id), ' ',
      h('span', {class: 'muted'}, m.basePath)),
    h('td', {}, m.version),
    h('td', {}, stateBadge(m.state, m.enabled), problems(bundle)),
    h('td', {}, String(m.startLevel)),
    h('td', {}, `#${m.bundleId}`),
    h('td', {}, actions));
}

function stateBadge(state, enabled = true) {
  const kind = state === 'ACTIVE' ? 'ok' : (state === 'INSTALLED' ? 'bad' : 'warn');
  return h('span', {class: `badge badge-${kind}`, 'data-state': state},
    state === 'RESOLVED' && !enabled ? 'DISABLED' : state);
}

function problems(bundle) {
  if (!bundle || !bundle.problems || bundle.problems.length === 0) return null;
  return h('ul', {class: 'problems', 'aria-label': `Why ${bundle.symbolicName} does not resolve`},
    bundle.problems.map((p) => h('li', {}, `${p.charAt(0).toUpperCase()}${p.slice(1)}.`)));
}

function bundleActions(bundle, label, refresh) {
  const file = h('input', {type: 'file', accept: '.jar,application/java-archive', class: 'visually-hidden', tabindex: '-1',
    id: `update-file-${bundle.id}`, 'aria-label': `Jar to update ${label} from`});
  file.addEventListener('change', () => {
    const chosen = file.files[0];
    if (chosen) act(file, () => upload(bundle.id, chosen), `${label} updated from ${chosen.name}.`, refresh);
  });
  return [
    file,
    h('button', {type: 'button', id: `update-${bundle.id}`, 'aria-label': `Update ${label} from a jar`,
      onclick: () => file.click()}, 'Update…'),
    h('button', {type: 'button', class: 'danger', id: `uninstall-${bundle.id}`, 'aria-label': `Uninstall ${label}`,
      onclick: (e) => {
        if (window.confirm(`Uninstall ${label}? Its data stays in the database.`)) {
          act(e.target, () => del(`/api/platform/bundles/${bundle.id}`), `${label} uninstalled.`, refresh);
        }
      }}, 'Uninstall'),
  ];
}

async function upload(id, file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return put(`/api/platform/bundles/${id}/content`, {fileName: file.name, content: btoa(binary)});
}

async function act(control, call, done, refresh) {
  control.disabled = true;
  try {
    await call();
    toast(done);
    await refresh();
  } catch (error) {
    toast(describe(error), 'error');
    control.disabled = false;
  }
}

async function pluginsSection(admin, refresh) {
  const section = h('section', {'aria-labelledby': 'plugins-title'}, h('h2', {id: 'plugins-title'}, 'plugins/'));
  let files;
  try {
    files = items(await get('/api/platform/plugins'));
  } catch (error) {
    section.append(h('p', {class: 'muted'}, error instanceof ApiError && error.unavailable
      ? 'Not available: this server cannot list plugins/.' : describe(error)));
    return section;
  }
  if (files.length === 0) {
    section.append(h('p', {class: 'muted'}, 'No jars in plugins/. Jars dropped there are installed automatically.'));
    return section;
  }
  section.append(table('Jars in plugins/', ['File', 'Bundle', 'Installed', 'Actions'], files.map((f) => h('tr', {},
    h('th', {scope: 'row'}, h('code', {}, f.file)),
    h('td', {}, f.symbolicName ? `${f.symbolicName} ${f.version || ''}` : 'not a bundle'),
    h('td', {}, f.installed ? `yes (#${f.bundleId})` : 'no'),
    h('td', {}, admin && !f.installed && f.symbolicName ? h('button', {type: 'button', 'aria-label': `Install ${f.file}`,
      onclick: (e) => act(e.target, () => post('/api/platform/plugins/install', {file: f.file}),
        `${f.file} installed.`, refresh)}, 'Install') : null)))));
  return section;
}

function bundlesSection(bundles, admin, refresh) {
  const rows = bundles.map((b) => h('tr', {},
    h('td', {}, String(b.id)),
    h('th', {scope: 'row'}, b.symbolicName, b.fragment ? h('span', {class: 'muted'}, ' (fragment)') : null),
    h('td', {}, b.version),
    h('td', {}, stateBadge(b.state), problems(b)),
    h('td', {}, String(b.startLevel)),
    h('td', {}, admin && b.changeable ? h('div', {class: 'actions'}, bundleActions(b, b.symbolicName, refresh)) : null)));
  const unresolved = bundles.filter((b) => b.problems && b.problems.length).length;
  return h('details', {class: 'bundles', open: unresolved > 0},
    h('summary', {}, `All bundles (${bundles.length}${unresolved ? `, ${unresolved} not resolved` : ''})`),
    table('All bundles', ['Id', 'Symbolic name', 'Version', 'State', 'Start level', 'Actions'], rows));
}
