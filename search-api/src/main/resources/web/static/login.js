// Login page: `/login?next=/documents/...`. Fields `username` and `password` (addresses outside rely on them).
import { api } from './api.js';
import { html, mount } from './format.js';
import { user } from './session.js';

/** Only a path on this site, so a link cannot send people elsewhere after they sign in. */
function nextAddress() {
  const next = new URLSearchParams(location.search).get('next') || '/';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export async function render(main) {
  document.title = 'Đăng nhập – sohoa';
  const current = user();
  mount(main, html`<div class="narrow">
    <h1>Đăng nhập</h1>
    ${current ? html`<p class="notice">Bạn đang đăng nhập với tên ${current.displayName || current.username}.</p>` : ''}
    <form id="login-form" class="login" method="post" action="/login" novalidate>
      <label for="username">Tên đăng nhập</label>
      <input id="username" name="username" autocomplete="username" required autocapitalize="none" spellcheck="false">
      <label for="password">Mật khẩu</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <p class="error" id="login-error" role="alert" hidden></p>
      <button type="submit" class="primary">Đăng nhập</button>
    </form>
  </div>`);
  const form = main.querySelector('#login-form');
  const error = main.querySelector('#login-error');
  form.querySelector('#username').focus();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const username = form.username.value.trim();
    const password = form.password.value;
    if (!username || !password) {
      error.textContent = 'Hãy nhập tên đăng nhập và mật khẩu.';
      error.hidden = false;
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    error.hidden = true;
    try {
      await api('/api/session', { method: 'POST', json: { username, password }, signIn: false });
      location.assign(nextAddress());
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
      button.disabled = false;
      form.password.value = '';
      form.password.focus();
    }
  });
}
