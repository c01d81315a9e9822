// Users and roles: list, create, activate/deactivate, unlock and delete users; list and create roles.
import {ApiError, del, describe, get, items, patch, post} from '../api.js';
import {field, formatTime, h, replace, table, toast} from '../dom.js';

export async function render(main) {
  let users;
  let roles;
  try {
    [users, roles] = await Promise.all([get('/api/security/users'), get('/api/security/roles')]).then((a) => a.map(items));
  } catch (error) {
    replace(main, h('h1', {}, 'Users and roles'), h('div', {role: 'alert', class: 'card denied'},
      error instanceof ApiError && error.unavailable
        ? 'Not available: this server does not offer user management (platform-security) yet.' : describe(error)));
    return;
  }
  const refresh = () => render(main);
  replace(main, h('h1', {}, 'Users and roles'),
    table('Users', ['User', 'Email', 'Roles', 'Status', 'Actions'], users.map((u) => userRow(u, roles, refresh)),
      {id: 'users-table'}),
    userForm(roles, refresh),
    table('Roles', ['Role', 'Permissions', 'Hidden fields'], roles.map((r) => h('tr', {id: `role-${r.name}`},
      h('th', {scope: 'row'}, h('span', {class: 'strong'}, r.name), r.builtIn ? h('span', {class: 'muted'}, ' (built in)') : null,
        r.description ? [h('br'), h('span', {class: 'muted small'}, r.description)] : null),
      h('td', {}, (r.permissions || []).join(', ') || '—'),
      h('td', {}, (r.hiddenFields || []).join(', ') || '—'))), {id: 'roles-table'}),
    roleForm(refresh));
}

function rolesEditor(u, roles, refresh) {
  const boxes = roles.map((r) => h('label', {class: 'check'},
    h('input', {type: 'checkbox', value: r.name, checked: (u.roles || []).includes(r.name)}), ` ${r.name}`));
  const save = h('button', {type: 'button', class: 'primary', onclick: async () => {
    const chosen = boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
    save.disabled = true;
    try {
      await patch(`/api/security/users/${u.id}`, {roles: chosen});
      toast(`Roles of ${u.username}: ${chosen.join(', ') || 'none'}.`);
      await refresh();
    } catch (error) {
      toast(describe(error), 'error');
      save.disabled = false;
    }
  }}, 'Save roles');
  return h('details', {class: 'roles-editor'}, h('summary', {}, 'Edit roles'),
    h('fieldset', {}, h('legend', {}, `Roles of ${u.username}`), boxes), save);
}

function userRow(u, roles, refresh) {
  const status = [u.active === false ? 'inactive' : 'active', u.locked ? 'locked' : null,
    u.lockedUntil ? `locked out until ${formatTime(u.lockedUntil)}` : null].filter(Boolean).join(', ');
  const call = (fn, done) => async (e) => {
    e.target.disabled = true;
    try { await fn(); toast(done); await refresh(); } catch (error) { toast(describe(error), 'error'); e.target.disabled = false; }
  };
  return h('tr', {id: `user-${u.username}`},
    h('th', {scope: 'row'}, u.username),
    h('td', {}, u.email || '—'),
    h('td', {}, (u.roles || []).join(', ')),
    h('td', {}, status),
    h('td', {}, h('div', {class: 'actions'},
      h('button', {type: 'button', 'aria-label': `${u.active === false ? 'Activate' : 'Deactivate'} ${u.username}`,
        onclick: call(() => patch(`/api/security/users/${u.id}`, {active: u.active === false}),
          `${u.username} ${u.active === false ? 'activated' : 'deactivated'}.`)},
      u.active === false ? 'Activate' : 'Deactivate'),
      h('button', {type: 'button', 'aria-label': `${u.locked ? 'Unlock' : 'Lock'} ${u.username}`,
        onclick: call(() => patch(`/api/security/users/${u.id}`, {locked: !u.locked}),
          `${u.username} ${u.locked ? 'unlocked' : 'locked'}.`)}, u.locked ? 'Unlock' : 'Lock'),
      h('button', {type: 'button', class: 'danger', 'aria-label': `Delete ${u.username}`, onclick: (e) => {
        if (window.confirm(`Delete user ${u.username}?`)) call(() => del(`/api/security/users/${u.id}`), `${u.username} deleted.`)(e);
      }}, 'Delete')), rolesEditor(u, roles, refresh)));
}

function userForm(roles, refresh) {
  const username = h('input', {name: 'username', required: true, autocomplete: 'off', pattern: '[A-Za-z0-9._@-]{2,64}'});
  const email = h('input', {name: 'email', type: 'email', autocomplete: 'off'});
  const password = h('input', {name: 'password', type: 'password', required: true, minlength: '12', autocomplete: 'new-password'});
  const roleBoxes = roles.map((r) => h('label', {class: 'check'},
    h('input', {type: 'checkbox', name: 'roles', value: r.name, id: `new-user-role-${r.name}`}), ` ${r.name}`));
  const problem = h('p', {class: 'form-error', role: 'alert', id: 'new-user-error'});
  const form = h('form', {id: 'new-user-form', class: 'card', 'aria-labelledby': 'new-user-title', novalidate: true},
    h('h2', {id: 'new-user-title'}, 'New user'),
    field('new-user-username', 'User name', username),
    field('new-user-email', 'Email (optional)', email),
    field('new-user-password', 'Initial password', password, 'At least 12 characters. The user can change it after signing in.'),
    h('fieldset', {}, h('legend', {}, 'Roles'), roleBoxes),
    problem, h('button', {type: 'submit', class: 'primary', id: 'new-user-submit'}, 'Create user'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.textContent = '';
    if (!form.checkValidity()) {
      problem.textContent = [username, email, password].filter((i) => !i.validity.valid)
        .map((i) => `${form.querySelector(`label[for=${i.id}]`).textContent}: ${i.validationMessage}`).join(' ');
      return;
    }
    const chosen = [...form.querySelectorAll('input[name=roles]:checked')].map((b) => b.value);
    const body = {username: username.value.trim(), password: password.value, roles: chosen};
    if (email.value.trim()) body.email = email.value.trim();
    try {
      await post('/api/security/users', body);
      toast(`User ${body.username} created.`);
      await refresh();
    } catch (error) {
      problem.textContent = describe(error);
    }
  });
  return form;
}

function roleForm(refresh) {
  const name = h('input', {name: 'name', required: true, pattern: '[a-z][a-z0-9-]{1,40}'});
  const description = h('input', {name: 'description', maxlength: '200'});
  const permissions = h('textarea', {name: 'permissions', rows: '4'});
  const hidden = h('input', {name: 'hiddenFields'});
  const problem = h('p', {class: 'form-error', role: 'alert'});
  const form = h('form', {id: 'new-role-form', class: 'card', 'aria-labelledby': 'new-role-title', novalidate: true},
    h('h2', {id: 'new-role-title'}, 'New role'),
    field('new-role-name', 'Role name', name, 'Lower-case, e.g. field-sales.'),
    field('new-role-description', 'Description (optional)', description),
    field('new-role-permissions', 'Permissions', permissions,
      'One per line, as resource:action, e.g. customers.accounts:read, customers.*:edit; add :own to limit it to own records.'),
    field('new-role-hidden', 'Hidden fields (optional)', hidden, 'Fields this role may not see, e.g. sales.opportunities.amount.'),
    problem, h('button', {type: 'submit', class: 'primary'}, 'Create role'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.textContent = '';
    if (!name.checkValidity()) { problem.textContent = `Role name: ${name.validationMessage}`; return; }
    const list = permissions.value.split(/\s+/).map((p) => p.trim()).filter(Boolean);
    try {
      const body = {name: name.value.trim(), permissions: list};
      if (description.value.trim()) body.description = description.value.trim();
      const fields = hidden.value.split(/[\s,]+/).filter(Boolean);
      if (fields.length) body.hiddenFields = fields;
      await post('/api/security/roles', body);
      toast(`Role ${name.value} created.`);
      await refresh();
    } catch (error) {
      problem.textContent = describe(error);
    }
  });
  return form;
}
