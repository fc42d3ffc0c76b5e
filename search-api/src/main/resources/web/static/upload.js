// Upload page: files and whole folders dropped (or chosen) are sent one by one with their progress;
// a folder's name, and its subfolders', become the files' dossier (`folder`).
import { api } from './api.js';
import { bytes, html, mount } from './format.js';
import { FINAL, isManifest, remember, stateText, upload } from './uploads.js';

const AT_ONCE = 2;
const MAX_BYTES = 1024 * 1024 * 1024;

let list;
let queue = [];
let running = 0;
let counter = 0;

export async function render(main) {
  document.title = 'Tải lên – sohoa';
  mount(main, html`
    <h1>Tải văn bản lên kho</h1>
    <p>Kéo thả tệp hoặc cả thư mục vào ô dưới đây. Tên thư mục được giữ làm hồ sơ của văn bản;
      tệp mục lục (<code>metadata.csv</code>, <code>metadata.xlsx</code>) của thư mục được gửi trước các tệp.
      Mỗi tệp tối đa 1 GB.</p>
    <div class="upload-options">
      <label for="base-folder">Đưa vào hồ sơ (không bắt buộc)</label>
      <input id="base-folder" autocomplete="off" placeholder="ví dụ: Hồ sơ 2024">
    </div>
    <div class="drop-zone" id="drop-zone">
      <p class="drop-title">Thả tệp hoặc thư mục vào đây</p>
      <p>hoặc
        <input type="file" id="file-input" class="visually-hidden" multiple>
        <label class="button" for="file-input">Chọn tệp</label>
        <input type="file" id="folder-input" class="visually-hidden" webkitdirectory multiple>
        <label class="button" for="folder-input">Chọn thư mục</label>
      </p>
    </div>
    <p class="hint">Sau khi tải lên, theo dõi mọi tệp ở trang <a href="/ingest">Tiến trình lưu trữ</a>.</p>
    <h2 id="upload-heading">Tệp đang tải lên</h2>
    <ul class="upload-list" id="upload-list" aria-labelledby="upload-heading" aria-live="polite"></ul>`);
  list = main.querySelector('#upload-list');
  const zone = main.querySelector('#drop-zone');
  ['dragenter', 'dragover'].forEach((type) => zone.addEventListener(type, (e) => {
    e.preventDefault();
    zone.classList.add('over');
  }));
  ['dragleave', 'drop'].forEach((type) => zone.addEventListener(type, () => zone.classList.remove('over')));
  zone.addEventListener('drop', async (e) => {
    e.preventDefault();
    add(await dropped(e.dataTransfer));
  });
  main.querySelector('#file-input').addEventListener('change', (e) => {
    add([...e.target.files].map((file) => ({ file, dir: '' })));
    e.target.value = '';
  });
  main.querySelector('#folder-input').addEventListener('change', (e) => {
    add([...e.target.files].map((file) => ({ file, dir: dirOf(file.webkitRelativePath) })));
    e.target.value = '';
  });
}

const dirOf = (path) => (path && path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/** The files of a drop, folders walked, each with the folder path it was found in. */
async function dropped(transfer) {
  const entries = [...transfer.items].map((item) => (item.webkitGetAsEntry ? item.webkitGetAsEntry() : null));
  if (entries.some((entry) => entry)) {
    const found = [];
    for (const entry of entries.filter(Boolean)) await walk(entry, '', found);
    return found;
  }
  return [...transfer.files].map((file) => ({ file, dir: '' }));
}

async function walk(entry, dir, found) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    found.push({ file, dir });
    return;
  }
  const reader = entry.createReader();
  const path = dir ? `${dir}/${entry.name}` : entry.name;
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, path, found);
  }
}

const HIDDEN = /^(\.|~\$)|\.(part|crdownload|tmp)$|^Thumbs\.db$/i;

function add(files) {
  const base = document.getElementById('base-folder').value.trim().replace(/^\/+|\/+$/g, '');
  const chosen = files.filter(({ file }) => !HIDDEN.test(file.name))
    .map(({ file, dir }) => ({ file, folder: [base, dir].filter(Boolean).join('/'), key: `u${++counter}` }));
  // A folder's manifest before its files, as `./sohoa ingest` sends them.
  chosen.sort((a, b) => Number(isManifest(b.file.name)) - Number(isManifest(a.file.name)));
  chosen.forEach((item) => {
    const li = document.createElement('li');
    li.id = item.key;
    li.className = 'upload';
    mount(li, html`<div class="upload-name"><strong>${item.file.name}</strong>
        <span class="sub">${item.folder ? `${item.folder} · ` : ''}${bytes(item.file.size)}</span></div>
      <progress max="100" value="0" aria-label="Tiến độ tải lên ${item.file.name}"></progress>
      <div class="upload-state">Đang chờ gửi</div>`);
    list.append(li);
    item.li = li;
    if (item.file.size > MAX_BYTES) {
      finish(item, html`<span class="state failed">Lỗi</span> <span class="reason">Tệp lớn hơn 1 GB: hãy chia nhỏ hoặc đưa vào thư mục inbox của máy chủ.</span>`);
      return;
    }
    queue.push(item);
  });
  next();
}

function finish(item, state) {
  mount(item.li.querySelector('.upload-state'), state);
}

function next() {
  while (running < AT_ONCE && queue.length > 0) {
    const item = queue.shift();
    running += 1;
    send(item).finally(() => {
      running -= 1;
      next();
    });
  }
}

async function send(item) {
  const bar = item.li.querySelector('progress');
  const state = item.li.querySelector('.upload-state');
  state.textContent = 'Đang gửi…';
  try {
    const answer = await upload(item.file, item.folder, (share) => {
      bar.value = Math.round(share * 100);
      state.textContent = `Đang gửi: ${Math.round(share * 100)}%`;
    });
    if (answer && answer.status === 'MANIFEST') {
      finish(item, stateText({ state: 'MANIFEST' }));
      return;
    }
    remember({ id: answer.id, fileName: item.file.name, folder: item.folder, at: new Date().toISOString() });
    item.li.dataset.id = answer.id;
    follow(item, answer.id);
  } catch (e) {
    finish(item, html`<span class="state failed">Không gửi được</span> <span class="reason">${e.message}</span>`);
  }
}

async function follow(item, id) {
  for (;;) {
    let status;
    try {
      status = await api(`/api/ingest/${id}`);
    } catch (e) {
      status = { state: 'QUEUED' };
    }
    finish(item, status.state === 'ARCHIVED' || status.state === 'DUPLICATE'
      ? html`${stateText(status)} <a href="/documents/${id}">Mở văn bản</a>`
      : stateText(status));
    if (FINAL.includes(status.state)) return;
    await new Promise((resolve) => { setTimeout(resolve, 1000); });
  }
}
