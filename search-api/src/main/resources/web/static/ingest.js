// Ingest activity: the archive's counts, and the state of each file uploaded from this browser;
// a failed file is retried by uploading the fixed file again.
import { api, ApiError } from './api.js';
import { html, mount, number } from './format.js';
import { FINAL, forget, recent, remember, stateText, upload } from './uploads.js';

const COUNTS = [
  ['queued', 'Đang chờ'], ['inProgress', 'Đang xử lý'], ['archived', 'Đã lưu trữ'], ['duplicate', 'Trùng'],
  ['failed', 'Lỗi'], ['waitingForEngines', 'Chờ máy chủ'], ['pagesDone', 'Trang đã đọc'],
];
const EVERY_MS = 2000;

let root;
let retrying = 0;
const drawn = new Map();
const states = new Map();

export async function render(main) {
  root = main;
  document.title = 'Tiến trình lưu trữ – sohoa';
  mount(root, html`
    <h1>Tiến trình lưu trữ</h1>
    <section aria-labelledby="counts-heading">
      <h2 id="counts-heading">Toàn kho, từ khi máy chủ khởi động</h2>
      <dl class="counts" id="counts"></dl>
    </section>
    <section aria-labelledby="mine-heading">
      <h2 id="mine-heading">Tệp tải lên từ máy này</h2>
      <p class="hint">Tệp lỗi: sửa tệp rồi bấm "Tải lại tệp đã sửa". <a href="/upload">Tải thêm tệp</a></p>
      <div id="mine"></div>
    </section>`);
  root.addEventListener('change', retry);
  await tick();
}

async function tick() {
  if (!document.body.contains(root.querySelector('#counts'))) return;
  try {
    const counts = await api('/api/ingest/status');
    redraw('#counts', html`${COUNTS.map(([key, label]) => html`<div class="count-${key}">
      <dt>${label}</dt><dd>${number(counts[key] || 0)}</dd></div>`)}`);
  } catch (e) {
    redraw('#counts', html`<p class="error" role="alert">${e.message}</p>`);
  }
  const files = recent();
  await Promise.all(files.filter((f) => !FINAL.includes((states.get(f.id) || {}).state)).map(async (f) => {
    try {
      states.set(f.id, await api(`/api/ingest/${f.id}`));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) states.set(f.id, { state: 'UNKNOWN' });
    }
  }));
  if (retrying === 0) drawFiles(files);
  setTimeout(tick, EVERY_MS);
}

/** Draws only what changed, so a control keeps its focus between two looks. */
function redraw(selector, markup) {
  if (drawn.get(selector) === markup.text) return;
  drawn.set(selector, markup.text);
  mount(root.querySelector(selector), markup);
}

function drawFiles(files) {
  if (files.length === 0) {
    redraw('#mine', html`<p class="none">Chưa có tệp nào được tải lên từ trình duyệt này.</p>`);
    return;
  }
  redraw('#mine', html`<div class="table-wrap"><table class="activity">
    <thead><tr><th scope="col">Tệp</th><th scope="col">Hồ sơ</th><th scope="col">Trạng thái</th><th scope="col"><span class="visually-hidden">Việc làm</span></th></tr></thead>
    <tbody>${files.map((f) => {
    const status = states.get(f.id) || { state: 'QUEUED' };
    const done = status.state === 'ARCHIVED' || status.state === 'DUPLICATE';
    return html`<tr data-id="${f.id}" data-state="${status.state}">
      <td>${done ? html`<a href="/documents/${f.id}">${f.fileName}</a>` : f.fileName}</td>
      <td>${f.folder || ''}</td>
      <td>${stateText(status)}</td>
      <td>${status.state === 'FAILED' ? html`<input type="file" id="retry-${f.id}" class="visually-hidden" data-retry="${f.id}">
        <label class="button" for="retry-${f.id}">Tải lại tệp đã sửa</label>` : ''}</td>
    </tr>`;
  })}</tbody></table></div>`);
}

async function retry(e) {
  const input = e.target.closest('input[data-retry]');
  if (!input || input.files.length === 0) return;
  const old = recent().find((f) => f.id === input.dataset.retry);
  const cell = input.closest('td');
  const file = input.files[0];
  mount(cell, html`<progress max="100" value="0" aria-label="Tiến độ tải lại ${file.name}"></progress>`);
  retrying += 1;
  try {
    const answer = await upload(file, old ? old.folder : '', (share) => { cell.querySelector('progress').value = Math.round(share * 100); });
    forget(input.dataset.retry);
    remember({ id: answer.id, fileName: file.name, folder: old ? old.folder : '', at: new Date().toISOString() });
  } catch (err) {
    mount(cell, html`<span class="reason" role="alert">${err.message}</span>`);
  } finally {
    retrying -= 1;
  }
}
