// The app's entry: finds the page the address names, checks the session, draws the header.
import { loginUrl } from './api.js';
import { html, mount } from './format.js';
import * as session from './session.js';

const ROUTES = [
  { path: /^\/$/, role: 'officer', page: () => import('./search.js') },
  { path: /^\/documents\/([0-9a-f]{64})\/?$/, role: 'officer', page: () => import('./document.js') },
  { path: /^\/upload\/?$/, role: 'archivist', page: () => import('./upload.js') },
  { path: /^\/ingest\/?$/, role: 'archivist', page: () => import('./ingest.js') },
  { path: /^\/login\/?$/, role: null, page: () => import('./login.js') },
];

const main = document.getElementById('main');

function header(user) {
  document.querySelectorAll('.nav a[data-role]').forEach((link) => {
    link.hidden = !session.can(link.dataset.role);
    if (link.getAttribute('href') === location.pathname) link.setAttribute('aria-current', 'page');
  });
  const box = document.getElementById('user');
  if (!user) {
    mount(box, location.pathname === '/login' ? '' : html`<a href="${loginUrl()}">Đăng nhập</a>`);
    return;
  }
  mount(box, html`<span class="who" title="${user.username}">${user.displayName || user.username}</span>
    <button type="button" class="link" id="sign-out">Đăng xuất</button>`);
  document.getElementById('sign-out').addEventListener('click', async () => {
    try { await session.signOut(); } finally { location.assign('/login'); }
  });
  if (user.mustChangePassword) {
    import('./password.js').then((m) => m.banner(document.getElementById('banner')));
  }
}

function failure(message) {
  mount(main, html`<div class="error" role="alert"><h1>Không mở được trang</h1><p>${message}</p>
    <p><a href="/">Về trang tìm kiếm</a></p></div>`);
}

async function start() {
  const route = ROUTES.find((r) => r.path.test(location.pathname));
  let user = null;
  try {
    user = await session.load();
  } catch (e) {
    header(null);
    failure(e.message);
    return;
  }
  header(user);
  if (!route) {
    failure('Địa chỉ này không có trong sohoa.');
    return;
  }
  if (route.role && !user) {
    location.replace(loginUrl());
    return;
  }
  if (route.role && !session.can(route.role)) {
    failure('Tài khoản của bạn không được dùng trang này.');
    return;
  }
  const module = await route.page();
  await module.render(main, route.path.exec(location.pathname).slice(1));
}

start().catch((e) => {
  failure(e && e.message ? e.message : 'Lỗi không rõ.');
  throw e;
});
