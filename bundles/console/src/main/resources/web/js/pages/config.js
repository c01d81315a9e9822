// Configuration: every PID with its Metatype description rendered as a form, validated, applied live
// with PATCH; its change history with a diff and rollback (platform-tuning).
import {ApiError, describe, get, items, patch} from '../api.js';
import {h, replace, toast} from '../dom.js';
import {may} from '../session.js';
import {buildForm} from './config-form.js';
import {historySection} from './config-history.js';

export async function render(main, [pid]) {
  let configs;
  try {
    configs = items(await get('/api/platform/config'));
  } catch (error) {
    replace(main, h('h1', {}, 'Configuration'), denied(error));
    return;
  }
  const list = h('nav', {class: 'pid-list', 'aria-label': 'Configurations'}, h('ul', {}, configs.map((c) =>
    h('li', {}, h('a', {href: `#/config/${encodeURIComponent(c.pid)}`, 'aria-current': c.pid === pid ? 'page' : null},
      h('span', {class: 'strong'}, c.name || c.pid), h('br'), h('code', {}, c.pid))))));
  const editor = h('section', {class: 'editor', 'aria-live': 'polite'});
  replace(main, h('h1', {}, 'Configuration'),
    h('p', {class: 'muted'}, 'Changes apply at once to the running server and are written back to config/.'),
    h('div', {class: 'split'}, list, editor));
  const chosen = configs.find((c) => c.pid === pid);
  if (!chosen) {
    replace(editor, h('p', {class: 'muted'}, pid ? `No configuration ${pid}.` : 'Choose a configuration to edit.'));
    return;
  }
  await renderEditor(editor, chosen);
}

function denied(error) {
  if (error instanceof ApiError && error.status === 403) {
    return h('div', {class: 'card denied', id: 'access-denied', role: 'alert'},
      h('h2', {}, 'Access denied'), h('p', {}, 'You may not see the configuration: ',
        error.message.charAt(0).toLowerCase() + error.message.slice(1), '.'));
  }
  return h('p', {role: 'alert', class: 'form-error'}, describe(error));
}

async function renderEditor(editor, config) {
  let schema = null;
  try {
    schema = await get(`/api/platform/config/${encodeURIComponent(config.pid)}/schema`);
  } catch (error) {
    if (!(error instanceof ApiError && error.unavailable)) throw error;
  }
  const editable = may('platform.config:edit');
  const form = buildForm(config, schema, editable, async (changes, showProblems) => {
    try {
      const updated = await patch(`/api/platform/config/${encodeURIComponent(config.pid)}`, changes);
      toast(`Applied ${Object.keys(changes).join(', ')} to ${config.pid}.`);
      await renderEditor(editor, updated);
    } catch (error) {
      if (error instanceof ApiError && error.details.length) showProblems(error.details);
      toast(describe(error), 'error');
    }
  });
  const history = await historySection(config.pid, may('platform.tuning:edit'), async () => {
    await renderEditor(editor, await get(`/api/platform/config/${encodeURIComponent(config.pid)}`));
  });
  replace(editor,
    h('h2', {id: 'config-title'}, (schema && schema.name) || config.name || config.pid),
    schema && schema.description ? h('p', {class: 'muted'}, schema.description) : null,
    config.file ? h('p', {class: 'muted small'}, 'File: ', h('code', {}, config.file)) : null,
    schema ? null : h('p', {class: 'muted'}, 'No Metatype description: values are shown as text.'),
    form, history);
}
