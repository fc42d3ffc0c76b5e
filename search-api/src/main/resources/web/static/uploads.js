// Uploads and their ingest states, shared by the upload and ingest activity pages. The ids of the
// files uploaded from this browser are remembered (localStorage) so their states can be followed.
import { ApiError, changeHeaders, messageFor, toLogin } from './api.js';
import { html } from './format.js';

const KEY = 'sohoa.uploads';
const KEEP = 200;
const MANIFEST = /^metadata\.(csv|xlsx|xls)$/i;

export const isManifest = (name) => MANIFEST.test(name);

export function recent() {
  try {
    return JSON.parse(localStorage.getItem(KEY) || '[]');
  } catch (e) {
    return [];
  }
}

export function remember(entry) {
  const list = recent().filter((e) => e.id !== entry.id);
  list.unshift(entry);
  localStorage.setItem(KEY, JSON.stringify(list.slice(0, KEEP)));
}

export function forget(id) {
  localStorage.setItem(KEY, JSON.stringify(recent().filter((e) => e.id !== id)));
}

/** Sends one file to `POST /api/documents` (multipart, `folder` field); `progress` gets the share sent, 0 to 1. */
export function upload(file, folder, progress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    if (folder) form.append('folder', folder);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader('Accept', 'application/json');
    Object.entries(changeHeaders()).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) progress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (xhr.status === 401) toLogin();
      if (xhr.status >= 200 && xhr.status < 300) {
        progress(1);
        resolve(body);
      } else {
        reject(new ApiError(xhr.status, (body && body.message) || messageFor(xhr.status), body));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, messageFor(0))));
    xhr.addEventListener('abort', () => reject(new ApiError(0, 'Đã hủy tải lên.')));
    xhr.send(form);
  });
}

export const FINAL = ['ARCHIVED', 'DUPLICATE', 'FAILED'];

/** A state of `GET /api/ingest/{id}` in words, with its class for colour. */
export function stateText(status) {
  switch (status.state) {
    case 'QUEUED': return html`<span class="state queued">Đang chờ xử lý</span>`;
    case 'IN_PROGRESS': return html`<span class="state busy">Đang xử lý${status.pagesDone ? `: đã đọc ${status.pagesDone} trang` : ''}</span>`;
    case 'ARCHIVED': return html`<span class="state ok">Đã lưu trữ</span>`;
    case 'DUPLICATE': return html`<span class="state ok">Trùng: đã có trong kho</span>`;
    case 'FAILED': return html`<span class="state failed">Lỗi</span>${status.reason ? html` <span class="reason">${status.reason}</span>` : ''}`;
    case 'MANIFEST': return html`<span class="state ok">Đã nhận mục lục hồ sơ</span>`;
    case 'UNKNOWN': return html`<span class="state queued">Không rõ: máy chủ không còn theo dõi tệp này</span>`;
    default: return html`<span class="state">${status.state || ''}</span>`;
  }
}
