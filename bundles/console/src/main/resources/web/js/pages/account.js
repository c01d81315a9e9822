// The signed-in user's own password.
import {describe, put} from '../api.js';
import {field, h, replace, toast} from '../dom.js';
import {user} from '../session.js';

export async function render(main) {
  const current = h('input', {type: 'password', required: true, autocomplete: 'current-password'});
  const next = h('input', {type: 'password', required: true, minlength: '12', autocomplete: 'new-password'});
  const again = h('input', {type: 'password', required: true, autocomplete: 'new-password'});
  const problem = h('p', {class: 'form-error', role: 'alert'});
  const form = h('form', {id: 'password-form', class: 'card narrow', 'aria-labelledby': 'password-title', novalidate: true},
    h('h1', {id: 'password-title'}, `Change password for ${user().username}`),
    field('password-current', 'Current password', current),
    field('password-new', 'New password', next, 'At least 12 characters.'),
    field('password-again', 'New password again', again),
    problem, h('button', {type: 'submit', class: 'primary'}, 'Change password'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.textContent = '';
    if (!form.checkValidity()) { problem.textContent = 'Fill in every field; the new password needs 12 characters or more.'; return; }
    if (next.value !== again.value) { problem.textContent = 'The two new passwords differ.'; return; }
    try {
      await put('/api/security/session/password', {currentPassword: current.value, newPassword: next.value});
      form.reset();
      toast('Password changed.');
    } catch (error) {
      problem.textContent = describe(error);
    }
  });
  replace(main, form);
}
