// #/records/<module>/<type>[/<id>[/edit] | /new][?query]: the pages of any record type in
// GET /api/metadata, generated from its description (or a module's own view, see workspace/views.js).
import {ApiError, describe} from '../api.js';
import {h, replace} from '../dom.js';
import {describeType, href, pathOf, pluralLabel, types} from '../workspace/metadata.js';
import {viewFor} from '../workspace/views.js';

export async function render(main, args, query) {
  const [module, path, target, action] = args;
  const type = (await types()).find((t) => t.module === module && pathOf(t) === path);
  if (!type) {
    replace(main, h('h1', {}, 'Not available'), h('div', {class: 'card denied', role: 'alert', id: 'type-unavailable'},
      h('p', {}, `There is no record type “${module}/${path}” that you may read right now: its module may be disabled, `
        + 'or your roles do not allow it.'), h('p', {}, h('a', {href: '#/workspace'}, 'Back to the workspace'))));
    return;
  }
  const generic = query.get('view') === 'generic';
  let meta = {label: type.label};
  try {
    meta = await describeType(type.module, pathOf(type));
    if (!target) return await (await viewFor(type.resource, 'list', generic)).render(main, {type, meta, query});
    if (target === 'new') return await (await viewFor(type.resource, 'form', generic)).render(main, {type, meta, query});
    if (!/^[1-9][0-9]*$/.test(target)) throw new ApiError(404, {message: 'No such record.'});
    if (action === 'edit') return await (await viewFor(type.resource, 'form', generic)).render(main, {type, meta, id: target, query});
    return await (await viewFor(type.resource, 'detail', generic)).render(main, {type, meta, id: target, query});
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const what = error.status === 404 ? `This ${meta.label.toLowerCase()} does not exist (or was deleted).` : describe(error);
    replace(main, h('h1', {}, error.status === 404 ? 'Not found' : 'Cannot show this page'),
      h('div', {class: 'card denied', role: 'alert'}, h('p', {}, what), h('p', {}, h('a', {href: href(type)}, `All ${pluralLabel(type).toLowerCase()}`))));
  }
  return undefined;
}
