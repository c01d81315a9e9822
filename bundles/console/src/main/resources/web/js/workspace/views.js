// Which view shows a record type. Every type gets the generic list, detail and form built from its
// metadata; a module that needs a view of its own (a pipeline board for opportunities, a case queue)
// adds a line here naming a page module that exports the same `render` as the generic one:
//
//   'sales.opportunities': {list: () => import('./views/pipeline-board.js')},
//
// An override is used only while its type is in GET /api/metadata, so a disabled module's view is
// never offered; the generic views stay reachable (`?view=generic`) for every type.
const overrides = {
};

const generic = {
  list: () => import('./list.js'),
  detail: () => import('./detail.js'),
  form: () => import('./form.js'),
};

/** Registers a view at run time (same shape as the table above); returns a function that removes it. */
export function registerView(resource, view, loader) {
  overrides[resource] = {...(overrides[resource] || {}), [view]: loader};
  return () => { delete overrides[resource][view]; };
}

/** The page module for `view` ('list', 'detail' or 'form') of the type named by `resource`. */
export async function viewFor(resource, view, useGeneric = false) {
  const special = !useGeneric && overrides[resource] && overrides[resource][view];
  return (special || generic[view])();
}
