import {ApiError} from '../api.js';
import {field, h, replace} from '../dom.js';
import * as session from '../session.js';

/** The sign-in form; calls `signedIn` after a successful login. */
export function renderLogin(main, signedIn) {
  const username = h('input', {name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none'});
  const password = h('input', {name: 'password', type: 'password', autocomplete: 'current-password', required: true});
  const problem = h('p', {id: 'login-error', class: 'form-error', role: 'alert'});
  const submit = h('button', {type: 'submit', id: 'login-submit', class: 'primary'}, 'Sign in');
  const form = h('form', {id: 'login-form', class: 'card login', 'aria-labelledby': 'login-title', novalidate: true},
    h('h1', {id: 'login-title'}, 'Sign in to Mosaic'),
    field('login-username', 'User name', username),
    field('login-password', 'Password', password),
    problem, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.textContent = '';
    if (!username.value || !password.value) {
      problem.textContent = 'Enter your user name and password.';
      return;
    }
    submit.disabled = true;
    try {
      await session.signIn(username.value.trim(), password.value);
      password.value = '';
      await signedIn();
    } catch (error) {
      problem.textContent = message(error);
      password.select();
    } finally {
      submit.disabled = false;
    }
  });
  replace(main, form);
  username.focus();
}

function message(error) {
  if (!(error instanceof ApiError)) return String(error.message || error);
  if (error.status === 401) return 'Wrong user name or password.';
  if (error.status === 423 || error.code === 'locked') return 'This account is locked. Ask an administrator.';
  if (error.status === 429) return 'Too many attempts. Wait a moment and try again.';
  if (error.unavailable) return 'Sign-in is not available on this server yet.';
  return error.message;
}
