// API tokens of the signed-in user: create (the secret is shown once), list, revoke.
import {ApiError, del, describe, get, items, post} from '../api.js';
import {field, formatTime, h, replace, table, toast} from '../dom.js';

export async function render(main, _args, created) {
  let tokens;
  try {
    tokens = items(await get('/api/security/tokens'));
  } catch (error) {
    replace(main, h('h1', {}, 'API tokens'), h('div', {role: 'alert', class: 'card denied'},
      error instanceof ApiError && error.unavailable
        ? 'Not available: this server does not offer API tokens (platform-security) yet.' : describe(error)));
    return;
  }
  const refresh = (secret) => render(main, [], secret);
  replace(main, h('h1', {}, 'API tokens'),
    h('p', {class: 'muted'}, 'Programs call the API with a token: Authorization: Bearer <token>. Tokens act as you.'),
    created ? secretBox(created) : null,
    createForm(refresh),
    tokens.length === 0 ? h('p', {class: 'muted'}, 'You have no tokens.') :
      table('Your tokens', ['Name', 'Starts with', 'Scope', 'Created', 'Expires', 'Last used', ''], tokens.map((t) => h('tr', {id: `token-${t.id}`, class: t.revokedAt ? 'rolled-back' : null},
        h('th', {scope: 'row'}, t.name || '—'),
        h('td', {}, h('code', {}, t.prefix || '')),
        h('td', {}, t.scope || 'all your rights'),
        h('td', {}, formatTime(t.createdAt)),
        h('td', {}, t.expiresAt ? formatTime(t.expiresAt) : 'never'),
        h('td', {}, formatTime(t.lastUsedAt)),
        h('td', {}, t.revokedAt ? h('span', {class: 'muted'}, `revoked ${formatTime(t.revokedAt)}`) :
          h('button', {type: 'button', class: 'danger', 'aria-label': `Revoke token ${t.name || t.id}`,
          onclick: async (e) => {
            if (!window.confirm(`Revoke ${t.name || 'this token'}? Programs using it stop working at once.`)) return;
            e.target.disabled = true;
            try { await del(`/api/security/tokens/${t.id}`); toast('Token revoked.'); await refresh(); } catch (error) {
              toast(describe(error), 'error'); e.target.disabled = false;
            }
          }}, 'Revoke')))), {id: 'tokens-table'}));
}

function secretBox(answer) {
  const secret = answer.token || answer.secret || '';
  const output = h('input', {type: 'text', readonly: true, value: secret, class: 'secret', id: 'token-secret'});
  return h('div', {class: 'card secret-box', role: 'alert'},
    h('h2', {}, 'Copy your new token now'),
    h('p', {}, 'This is the only time it is shown. Mosaic keeps only a hash of it.'),
    field('token-secret', 'Token', output),
    h('button', {type: 'button', onclick: async () => {
      output.select();
      try { await navigator.clipboard.writeText(secret); toast('Copied.'); } catch { toast('Select the text and copy it.'); }
    }}, 'Copy'));
}

function createForm(refresh) {
  const name = h('input', {name: 'name', required: true, maxlength: '100'});
  const days = h('input', {name: 'expiresInDays', type: 'number', min: '1', max: '3650', step: '1'});
  const scope = h('input', {name: 'scope', autocomplete: 'off'});
  const problem = h('p', {class: 'form-error', role: 'alert'});
  const form = h('form', {id: 'new-token-form', class: 'card', 'aria-labelledby': 'new-token-title', novalidate: true},
    h('h2', {id: 'new-token-title'}, 'New token'),
    field('new-token-name', 'Name', name, 'What the token is for, e.g. "nightly export".'),
    field('new-token-days', 'Expires after (days, optional)', days),
    field('new-token-scope', 'Scope (optional)', scope,
      'Limit the token to some of your rights, as resource:action separated by spaces, e.g. customers.*:read.'),
    problem, h('button', {type: 'submit', class: 'primary', id: 'new-token-submit'}, 'Create token'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.textContent = '';
    if (!form.checkValidity()) { problem.textContent = 'Give the token a name; the expiry must be 1 to 3650 days.'; return; }
    const body = {name: name.value.trim()};
    if (days.value) body.expiresAt = new Date(Date.now() + Number(days.value) * 86400000).toISOString();
    if (scope.value.trim()) body.scope = scope.value.trim();
    try {
      await refresh(await post('/api/security/tokens', body));
    } catch (error) {
      problem.textContent = describe(error);
    }
  });
  return form;
}
