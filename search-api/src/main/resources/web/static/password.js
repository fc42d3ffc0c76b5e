// The reminder to change a password given by an administrator, with the form to change it.
import { api } from './api.js';
import { html, mount } from './format.js';

export function banner(box) {
  mount(box, html`<div class="banner" role="region" aria-label="Đổi mật khẩu">
    <p>Mật khẩu của bạn do quản trị viên đặt. Hãy đổi sang mật khẩu của riêng bạn.
      <button type="button" class="link" id="password-open">Đổi mật khẩu</button></p>
    <form id="password-form" hidden>
      <label for="current-password">Mật khẩu hiện tại</label>
      <input id="current-password" type="password" autocomplete="current-password" required>
      <label for="new-password">Mật khẩu mới (ít nhất 10 ký tự)</label>
      <input id="new-password" type="password" autocomplete="new-password" minlength="10" required>
      <p class="error" role="alert" id="password-error"></p>
      <button type="submit" class="primary">Lưu mật khẩu mới</button>
    </form>
  </div>`);
  const form = box.querySelector('#password-form');
  box.querySelector('#password-open').addEventListener('click', () => {
    form.hidden = false;
    form.querySelector('#current-password').focus();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const error = form.querySelector('#password-error');
    try {
      await api('/api/account/password', {
        method: 'POST',
        json: { currentPassword: form.querySelector('#current-password').value, newPassword: form.querySelector('#new-password').value },
      });
      mount(box, html`<div class="banner ok" role="status">Đã đổi mật khẩu.</div>`);
    } catch (err) {
      error.textContent = err.message;
    }
  });
}
