// The console shell: restores the session, shows the login form or the page named in the URL hash
// (#/modules, #/config/<pid>, ...), and keeps the navigation in step.
import {ApiError, whenUnauthorized} from './api.js';
import {h, replace, toast} from './dom.js';
import * as session from './session.js';
import {renderLogin} from './pages/login.js';

const pages = {
  modules: () => import('./pages/modules.js'),
  config: () => import('./pages/config.js'),
  monitoring: () => import('./pages/monitoring.js'),
  users: () => import('./pages/users.js'),
  tokens: () => import('./pages/tokens.js'),
  account: () => import('./pages/account.js'),
};

// what each page needs; the API enforces it, the menu merely hides what would be refused
const needs = {modules: 'platform.modules:read', config: 'platform.config:read', monitoring: 'platform.runtime:read',
  users: 'security.users:admin'};

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const navToggle = document.getElementById('nav-toggle');
let leave = null; // cleanup of the page on screen (timers)

function route() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  return {name: pages[name] ? name : 'modules', args: rest.map(decodeURIComponent)};
}

async function show() {
  if (leave) { leave(); leave = null; }
  if (!session.user()) {
    chrome(false);
    renderLogin(main, async () => { chrome(true); await show(); });
    return;
  }
  chrome(true);
  const {name, args} = route();
  for (const link of nav.querySelectorAll('a')) {
    link.parentElement.hidden = Boolean(needs[link.dataset.page]) && !session.may(needs[link.dataset.page]);
    if (link.dataset.page === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  replace(main, h('p', {class: 'muted'}, 'Loading…'));
  try {
    const page = await pages[name]();
    leave = (await page.render(main, args)) || null;
  } catch (error) {
    replace(main, h('h1', {}, 'Something went wrong'), h('p', {role: 'alert'}, String(error.message || error)));
  }
  document.title = `${main.querySelector('h1')?.textContent || 'Console'} · Mosaic console`;
}

function chrome(signedIn) {
  nav.hidden = !signedIn;
  navToggle.hidden = !signedIn;
  document.getElementById('who').hidden = !signedIn;
  document.getElementById('who-name').textContent = signedIn ? `Signed in as ${session.user().username}` : '';
  document.body.classList.toggle('signed-in', signedIn);
}

navToggle.addEventListener('click', () => {
  const open = navToggle.getAttribute('aria-expanded') !== 'true';
  navToggle.setAttribute('aria-expanded', String(open));
  nav.classList.toggle('nav-open', open);
});
nav.addEventListener('click', (event) => {
  if (event.target.closest('a')) {
    navToggle.setAttribute('aria-expanded', 'false');
    nav.classList.remove('nav-open');
  }
});

document.getElementById('logout').addEventListener('click', async () => {
  try { await session.signOut(); } catch (error) { /* signed out locally all the same */ }
  toast('Signed out.');
  await show();
});

whenUnauthorized(() => {
  if (!session.user()) return;
  session.forget();
  toast('Your session has ended. Please sign in again.', 'error');
  show();
});

window.addEventListener('hashchange', () => {
  show().then(() => { window.scrollTo(0, 0); main.focus({preventScroll: true}); });
});

(async () => {
  try {
    await session.restore();
  } catch (error) {
    const why = error instanceof ApiError && error.unavailable
      ? 'Sign-in is not available on this server (the security API does not answer).'
      : `The server cannot tell who you are: ${error.message}`;
    toast(why, 'error');
  }
  await show();
})();
