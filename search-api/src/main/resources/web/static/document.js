// Document page: `/documents/{id}?q=...`. Metadata as an archivist reads it, the pages with the
// search's words boxed, the text beside, downloads, its dossier, possible duplicates, corrections.
import { api, query } from './api.js';
import { bytes, date, fileKind, html, mount, number } from './format.js';
import { editableRows, history } from './corrections.js';
import { can } from './session.js';
import { markedText, pageViewer } from './viewer.js';
import { matcher } from './words.js';

/**
 * The fields of NĐ 30/2020 and TT 05/2025 an archivist reads, in their order on the paper.
 * `read`: the key in `metadata` (as sohoa read it); `manifest`: keys of the archivist's manifest;
 * `edit`: how a correction is typed (the key is the field's name in `PATCH .../metadata`).
 */
export const FIELDS = [
  { key: 'documentNumber', label: 'Số, ký hiệu', read: 'documentNumber', manifest: ['documentNumber', 'codeNumber', 'codeNotation'], edit: 'text' },
  { key: 'documentType', label: 'Tên loại văn bản', read: 'documentType', manifest: ['documentType', 'typeName'], edit: 'type' },
  { key: 'issuedDate', label: 'Ngày tháng năm văn bản', read: 'issuedDate', manifest: ['issuedDate'], edit: 'date' },
  { key: 'place', label: 'Địa danh', read: 'place' },
  { key: 'issuer', label: 'Cơ quan ban hành', read: 'issuer', manifest: ['organName'], edit: 'text' },
  { key: 'parentOrg', label: 'Cơ quan chủ quản', read: 'parentOrg' },
  { key: 'subject', label: 'Trích yếu nội dung', read: 'subject', manifest: ['subject'], edit: 'long' },
  { key: 'signingAuthority', label: 'Thẩm quyền ký', read: 'signingAuthority' },
  { key: 'signerTitle', label: 'Chức vụ người ký', read: 'signerTitle' },
  { key: 'signer', label: 'Người ký', read: 'signer', manifest: ['signer'], edit: 'text' },
  { key: 'confidentiality', label: 'Độ mật', read: 'confidentiality', edit: 'confidentiality' },
  { key: 'urgency', label: 'Độ khẩn', read: 'urgency' },
  { key: 'fileCode', label: 'Mã hồ sơ', manifest: ['fileCode'], edit: 'text' },
];

const STANDARD_LABELS = {
  docId: 'Mã định danh văn bản', fileCode: 'Mã hồ sơ', typeName: 'Tên loại văn bản (mã)', codeNumber: 'Số văn bản',
  codeNotation: 'Ký hiệu văn bản', organName: 'Tên cơ quan, tổ chức ban hành', subject: 'Trích yếu nội dung',
  issuedDate: 'Ngày, tháng, năm văn bản', language: 'Ngôn ngữ', numberOfPage: 'Số trang', mode: 'Chế độ sử dụng',
  confidenceLevel: 'Mức độ tin cậy', keyword: 'Từ khóa', autograph: 'Bút tích', format: 'Tình trạng vật lý',
  maintenance: 'Thời hạn bảo quản', description: 'Ghi chú', signer: 'Người ký', title: 'Tiêu đề hồ sơ',
};

const LOW_CONFIDENCE = 0.9;

export const PROVENANCE = { read: 'sohoa đọc', manifest: 'mục lục hồ sơ', corrected: 'đã sửa' };

/** The value that counts: the document's own, else the manifest's, else the one read. */
export function valueOf(doc, field) {
  if (doc[field.key] !== undefined && doc[field.key] !== null) return doc[field.key];
  const manifest = doc.manifest || {};
  const fromManifest = (field.manifest || []).map((k) => manifest[k]).find((v) => v);
  if (fromManifest) return fromManifest;
  const read = (doc.metadata || {})[field.read];
  return read && read.value ? read.value : null;
}

export function provenanceOf(doc, field) {
  if (doc.provenance && doc.provenance[field.key]) return doc.provenance[field.key];
  const manifest = doc.manifest || {};
  if ((field.manifest || []).some((k) => manifest[k])) return 'manifest';
  if ((doc.metadata || {})[field.read]) return 'read';
  return null;
}

function shown(field, value) {
  return field.key === 'issuedDate' ? date(value) : value;
}

/** The search this page was opened from, with its filters and page, else a search for the query. */
function searchAddress() {
  const from = document.referrer ? new URL(document.referrer) : null;
  if (from && from.origin === location.origin && from.pathname === '/') return from.pathname + from.search;
  return `/${query({ q: queryText })}`;
}

let doc;
let root;
let queryText;
/** The pages of `GET .../text`; null until they arrive. */
let textPages = null;

export async function render(main, [id]) {
  root = main;
  queryText = new URLSearchParams(location.search).get('q') || '';
  mount(root, html`<p class="loading">Đang mở văn bản…</p>`);
  // Asked for together: the page image is asked for as soon as the document is known, the words after.
  const text = api(`/api/documents/${id}/text`).catch((e) => e);
  try {
    doc = await api(`/api/documents/${id}`);
  } catch (e) {
    mount(root, html`<div class="error" role="alert"><h1>Không mở được văn bản</h1><p>${e.message}</p>
      <p><a href="/">Về trang tìm kiếm</a></p></div>`);
    return;
  }
  document.title = `${doc.title || doc.fileName} – sohoa`;
  mount(root, html`
    <p class="back"><a href="${searchAddress()}">‹ ${queryText ? 'Kết quả tìm kiếm' : 'Tìm kiếm'}</a></p>
    <h1 class="doc-title">${doc.title || doc.fileName}</h1>
    <p class="downloads">
      <a class="button primary" id="download-original" href="${doc.links.original}" download>Tải bản gốc
        <span class="sub">${fileKind(doc.contentType)}, ${bytes(doc.size)}</span></a>
      ${doc.links.pdf ? html`<a class="button" id="download-pdf" href="${doc.links.pdf}" download>Tải bản số hóa PDF/A</a>` : ''}
    </p>
    <div class="doc-layout">
      <section class="viewer" aria-label="Các trang của văn bản" id="viewer"></section>
      <div class="doc-side">
        <section aria-labelledby="meta-heading">
          <h2 id="meta-heading">Thông tin văn bản</h2>
          <div id="meta"></div>
        </section>
        <section aria-labelledby="text-heading">
          <h2 id="text-heading">Nội dung chữ</h2>
          <p class="page-method" id="page-method"></p>
          <div class="page-text" id="page-text" tabindex="0" aria-label="Nội dung chữ của trang đang xem"></div>
        </section>
      </div>
    </div>
    <section aria-labelledby="history-heading" id="history-section">
      <h2 id="history-heading">Lịch sử chỉnh sửa</h2>
      <div id="history"></div>
    </section>
    <section aria-labelledby="dossier-heading">
      <h2 id="dossier-heading">Cùng hồ sơ</h2>
      <div id="dossier"><p class="loading">Đang tìm…</p></div>
    </section>
    <section aria-labelledby="duplicates-heading" id="duplicates-section" hidden>
      <h2 id="duplicates-heading">Có thể trùng</h2>
      <div id="duplicates"></div>
    </section>
    <section aria-labelledby="file-heading">
      <h2 id="file-heading">Tệp lưu trữ</h2>
      <div id="file"></div>
    </section>`);
  drawDocument();
  loadText(id, text);
  drawDossier();
  drawDuplicates();
}

/** Draws what depends on the document's metadata (again after a correction). */
export function drawDocument(updated) {
  if (updated) {
    doc = updated;
    root.querySelector('.doc-title').textContent = doc.title || doc.fileName;
    document.title = `${doc.title || doc.fileName} – sohoa`;
  }
  drawMeta();
  mount(root.querySelector('#history'), history(doc.corrections || []));
  drawFile();
}

function drawMeta() {
  const metadata = doc.metadata || {};
  const rows = FIELDS.map((field) => {
    const value = valueOf(doc, field);
    const source = value ? provenanceOf(doc, field) : null;
    const read = metadata[field.read];
    if (!value && !field.edit) return '';
    const low = source === 'read' && read && read.confidence < LOW_CONFIDENCE;
    const differs = read && read.value && source !== 'read' && read.value !== value;
    return html`<div class="meta-row" data-field="${field.key}">
      <dt>${field.label}</dt>
      <dd>
        <span class="meta-value">${value ? shown(field, value) : html`<span class="none">chưa có</span>`}</span>
        ${source ? html`<span class="source source-${source}">${PROVENANCE[source] || source}</span>` : ''}
        ${low ? html`<span class="review" title="Độ tin cậy ${Math.round(read.confidence * 100)}%">cần kiểm tra</span>` : ''}
        ${read && source === 'read' ? html`<span class="where">trang ${read.page}, dòng ${read.line}</span>` : ''}
        ${differs ? html`<span class="where">sohoa đọc: ${shown(field, read.value)} (trang ${read.page})</span>` : ''}
      </dd>
    </div>`;
  });
  const recipients = metadata.recipients || [];
  const standard = doc.standard || {};
  mount(root.querySelector('#meta'), html`
    <dl class="meta" id="meta-list">${rows}
      ${recipients.length > 0 ? html`<div class="meta-row"><dt>Nơi nhận</dt><dd><ul class="plain">${recipients.map((r) => html`<li>${r}</li>`)}</ul></dd></div>` : ''}
    </dl>
    ${doc.manifestError ? html`<p class="warning" role="note">Không đọc được mục lục hồ sơ: ${doc.manifestError}</p>` : ''}
    <details class="standard"><summary>Các trường theo Thông tư 05/2025</summary>
      <dl class="meta">${Object.entries(standard).map(([k, v]) => html`<div class="meta-row"><dt>${STANDARD_LABELS[k] || k}</dt>
        <dd>${k === 'issuedDate' ? date(v) : v}</dd></div>`)}</dl>
    </details>`);
  if (can('archivist')) editableRows(root.querySelector('#meta-list'), doc, FIELDS, valueOf, drawDocument);
}

function drawFile() {
  const source = (doc.sources || []).length > 1
    ? html`<div><dt>Đã nhận</dt><dd><ul class="plain">${doc.sources.map((s) => html`<li>${s.folder ? `${s.folder}/` : ''}${s.fileName} (${date(s.receivedAt, true)})</li>`)}</ul></dd></div>`
    : '';
  mount(root.querySelector('#file'), html`<dl class="facts wide">
    <div><dt>Tên tệp</dt><dd>${doc.fileName}</dd></div>
    <div><dt>Thư mục</dt><dd>${doc.folder || 'gốc'}</dd></div>
    <div><dt>Loại tệp</dt><dd>${fileKind(doc.contentType)}</dd></div>
    <div><dt>Dung lượng</dt><dd>${bytes(doc.size)}</dd></div>
    <div><dt>Số trang</dt><dd>${doc.pageCount}</dd></div>
    <div><dt>Cách đọc</dt><dd>${doc.extraction === 'text' ? 'lớp chữ có sẵn' : 'nhận dạng chữ (OCR)'}${doc.ocrConfidence ? `, độ tin cậy ${number(Math.round(doc.ocrConfidence))}%` : ''}</dd></div>
    <div><dt>Đưa vào kho</dt><dd>${date(doc.ingestedAt, true)}</dd></div>
    ${source}
    <div><dt>Mã (SHA-256)</dt><dd class="hash">${doc.id}</dd></div>
  </dl>`);
}

function loadText(id, text) {
  const pages = text.then((answer) => {
    if (answer instanceof Error) {
      textPages = [];
      mount(root.querySelector('#page-text'), html`<p class="error">${answer.message}</p>`);
      return [];
    }
    textPages = answer.pages || [];
    drawText(Number(root.querySelector('#viewer select').value));
    return textPages;
  });
  pageViewer(root.querySelector('#viewer'), {
    id,
    pages,
    pageCount: doc.pageCount,
    queryText,
    onPage: drawText,
  });
}

function drawText(n) {
  const method = root.querySelector('#page-method');
  const box = root.querySelector('#page-text');
  if (textPages === null) {
    mount(box, html`<p class="loading">Đang tải nội dung…</p>`);
    return;
  }
  const page = textPages[n - 1];
  if (!page) {
    method.textContent = '';
    mount(box, html`<p class="none">Trang ${n} không có chữ.</p>`);
    return;
  }
  method.textContent = `Trang ${n}: ${page.method === 'ocr' ? 'nhận dạng chữ (OCR)' : 'lớp chữ có sẵn'}`
    + `${page.method === 'ocr' && page.confidence ? `, độ tin cậy ${Math.round(page.confidence)}%` : ''}`;
  mount(box, markedText(page.text, matcher(queryText)));
}

async function drawDossier() {
  const box = root.querySelector('#dossier');
  const filter = doc.fileCode ? { fileCode: doc.fileCode } : (doc.folder ? { folder: doc.folder } : null);
  if (!filter) {
    mount(box, html`<p class="none">Văn bản này không thuộc hồ sơ nào.</p>`);
    return;
  }
  try {
    const result = await api(`/api/search${query({ ...filter, size: 20 })}`);
    const others = result.hits.filter((h) => h.id !== doc.id);
    const link = `/${query(filter)}`;
    mount(box, others.length === 0 ? html`<p class="none">Hồ sơ ${filter.fileCode || filter.folder} chỉ có văn bản này.</p>` : html`
      <p>Hồ sơ <strong>${filter.fileCode || filter.folder}</strong>: ${number(result.total)} văn bản.
        <a href="${link}">Xem cả hồ sơ trong trang tìm kiếm</a></p>
      <ul class="doc-list">${others.map((h) => html`<li><a href="/documents/${h.id}">${h.title || h.fileName}</a>
        ${h.issuedDate ? html`<span class="date">${date(h.issuedDate)}</span>` : ''}</li>`)}</ul>`);
  } catch (e) {
    mount(box, html`<p class="error">${e.message}</p>`);
  }
}

async function drawDuplicates() {
  const ids = doc.possibleDuplicates || [];
  if (ids.length === 0) return;
  root.querySelector('#duplicates-section').hidden = false;
  const others = await Promise.all(ids.slice(0, 10).map((other) => api(`/api/documents/${other}`).catch(() => ({ id: other }))));
  mount(root.querySelector('#duplicates'), html`
    <p>Cùng số, ký hiệu và cơ quan ban hành (theo Nghị định 30/2020): hãy kiểm tra xem có phải cùng một văn bản.</p>
    <ul class="doc-list">${others.map((o) => html`<li><a href="/documents/${o.id}">${o.title || o.fileName || o.id}</a>
      ${o.folder ? html`<span class="date">${o.folder}</span>` : ''}</li>`)}</ul>`);
}
