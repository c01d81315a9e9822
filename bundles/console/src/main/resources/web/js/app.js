// The console shell: restores the session, shows the login form or the page named in the URL hash
// (#/modules, #/config/<pid>, #/records/<module>/<type>/<id>, ...), and keeps the navigation in step:
// the admin pages the user's permissions allow, and one entry per record type of GET /api/metadata.
import {ApiError, whenUnauthorized} from './api.js';
import {h, replace, toast} from './dom.js';
import * as session from './session.js';
import {renderLogin} from './pages/login.js';
import * as metadata from './workspace/metadata.js';
import {forgetTitles} from './workspace/fields.js';

const pages = {
  modules: () => import('./pages/modules.js'),
  config: () => import('./pages/config.js'),
  monitoring: () => import('./pages/monitoring.js'),
  users: () => import('./pages/users.js'),
  tokens: () => import('./pages/tokens.js'),
  account: () => import('./pages/account.js'),
  workspace: () => import('./pages/workspace.js'),
  records: () => import('./pages/records.js'),
};

// what each page needs; the API enforces it, the menu merely hides what would be refused
const needs = {modules: 'platform.modules:read', config: 'platform.config:read', monitoring: 'platform.runtime:read',
  users: 'security.users:admin'};

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const navToggle = document.getElementById('nav-toggle');
let leave = null; // cleanup of the page on screen (timers)

function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const cut = hash.indexOf('?');
  const [name, ...rest] = (cut < 0 ? hash : hash.slice(0, cut)).split('/');
  const query = new URLSearchParams(cut < 0 ? '' : hash.slice(cut + 1));
  const fallback = session.may('platform.modules:read') ? 'modules' : 'workspace';
  return {name: pages[name] ? name : fallback, args: rest.filter(Boolean).map(decodeURIComponent), query};
}

async function show() {
  if (leave) { leave(); leave = null; }
  if (!session.user()) {
    chrome(false);
    renderLogin(main, async () => { chrome(true); await show(); });
    return;
  }
  chrome(true);
  const {name, args, query} = route();
  metadata.invalidate(); // modules come and go: ask again at every page
  forgetTitles();
  await workspaceNav();
  for (const link of nav.querySelectorAll('#nav-admin-group a')) {
    link.parentElement.hidden = Boolean(needs[link.dataset.page]) && !session.may(needs[link.dataset.page]);
  }
  const adminPages = [...nav.querySelectorAll('#nav-admin-group li')].filter((li) => !li.hidden).length;
  document.getElementById('nav-admin-heading').textContent = adminPages > 1 ? 'Administration' : 'Your account';
  const here = name === 'records' ? `#/records/${args[0]}/${args[1]}` : `#/${name}`;
  for (const link of nav.querySelectorAll('a')) {
    if (link.getAttribute('href') === here) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  replace(main, h('p', {class: 'muted'}, 'Loading…'));
  try {
    const page = await pages[name]();
    // the record pages take the hash's query (?q=, ?accountId=); the other pages' third argument is their own
    leave = (await (name === 'records' ? page.render(main, args, query) : page.render(main, args))) || null;
  } catch (error) {
    replace(main, h('h1', {}, 'Something went wrong'), h('p', {role: 'alert'}, String(error.message || error)));
  }
  document.title = `${main.querySelector('h1')?.textContent || 'Console'} · Mosaic`;
}

/** One group per module, one entry per record type the user may read, as the server says right now. */
async function workspaceNav() {
  const host = document.getElementById('nav-workspace');
  let all = [];
  try { all = await metadata.types(); } catch (error) { all = []; }
  const modules = [...new Set(all.map((t) => t.module))];
  replace(host, all.length ? h('ul', {}, h('li', {}, h('a', {href: '#/workspace', 'data-page': 'workspace'}, 'Workspace'))) : null,
    modules.map((m) => h('div', {class: 'nav-group', id: `nav-module-${m}`},
      h('h2', {class: 'nav-heading', id: `nav-heading-${m}`}, metadata.moduleLabel(m)),
      h('ul', {'aria-labelledby': `nav-heading-${m}`}, all.filter((t) => t.module === m).map((t) =>
        h('li', {}, h('a', {href: metadata.href(t), id: `nav-${m}-${metadata.pathOf(t)}`}, metadata.pluralLabel(t))))))));
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
