// Search page: `/?q=...&type=...&page=2`. The whole state lives in the address; back and forward redraw it.
import { api, query } from './api.js';
import { date, html, isoDate, marked, mount, number } from './format.js';

const SIZE = 10;

/** Filters people click, in the order shown; each is a parameter of the address and of `GET /api/search`. */
const FACETS = [
  { key: 'type', label: 'Loại văn bản' },
  { key: 'year', label: 'Năm ban hành' },
  { key: 'issuer', label: 'Cơ quan ban hành' },
  { key: 'signer', label: 'Người ký' },
  { key: 'fileCode', label: 'Hồ sơ' },
  { key: 'confidentiality', label: 'Độ mật' },
];
const FILTERS = [...FACETS.map((f) => f.key), 'folder', 'from', 'to'];
const FILTER_LABELS = {
  ...Object.fromEntries(FACETS.map((f) => [f.key, f.label])), folder: 'Thư mục', from: 'Từ ngày', to: 'Đến ngày',
};
const KEYS = ['q', ...FILTERS, 'sort', 'page'];
const FACET_SHOWN = 8;

/** The search the address describes. `page` counts from 1, as people count. */
export function stateFromUrl(search = location.search) {
  const params = new URLSearchParams(search);
  const state = {};
  KEYS.forEach((k) => { state[k] = params.get(k) || ''; });
  state.page = Math.max(1, parseInt(state.page, 10) || 1);
  if (state.sort !== 'date') state.sort = '';
  return state;
}

function urlOf(state) {
  return `/${query({ ...state, page: state.page > 1 ? state.page : '' })}`;
}

function apiUrl(state) {
  return `/api/search${query({ ...state, page: state.page - 1, size: SIZE })}`;
}

let root;
let state;
let sequence = 0;

export async function render(main) {
  root = main;
  state = stateFromUrl();
  history.replaceState(null, '', urlOf(state));
  mount(root, html`
    <h1 class="visually-hidden">Tìm kiếm văn bản</h1>
    <form class="search-form" role="search" id="search-form">
      <label for="q">Tìm văn bản (có dấu hoặc không dấu, số ký hiệu, "cụm từ")</label>
      <div class="search-row">
        <input type="search" id="q" name="q" autocomplete="off" spellcheck="false"
               placeholder="ví dụ: cong doan co so, 30/TTr-LĐLĐ, &quot;chuyển đổi số&quot;">
        <button type="submit" class="primary">Tìm</button>
      </div>
    </form>
    <div class="search-layout">
      <aside class="filters" aria-label="Bộ lọc">
        <details id="filters-box"><summary>Bộ lọc</summary>
        <form id="range-form" class="range">
          <fieldset>
            <legend>Ngày ban hành</legend>
            <label for="from">Từ ngày</label>
            <input id="from" name="from" inputmode="numeric" placeholder="dd/mm/yyyy" autocomplete="off">
            <label for="to">Đến ngày</label>
            <input id="to" name="to" inputmode="numeric" placeholder="dd/mm/yyyy" autocomplete="off">
            <p class="field-error" id="range-error" role="alert"></p>
            <button type="submit">Áp dụng</button>
          </fieldset>
        </form>
        <div id="facets"></div>
        </details>
      </aside>
      <section class="results" aria-labelledby="results-heading">
        <div class="results-head">
          <h2 id="results-heading" aria-live="polite">Đang tìm…</h2>
          <label class="sort">Sắp xếp
            <select id="sort">
              <option value="">Phù hợp nhất</option>
              <option value="date">Ngày ban hành, mới nhất</option>
            </select>
          </label>
        </div>
        <div id="active"></div>
        <div id="hits"></div>
        <nav id="pager" class="pager" aria-label="Trang kết quả"></nav>
      </section>
    </div>`);

  // Open beside the results on a PC; folded above them on a phone, where they would push the results down.
  root.querySelector('#filters-box').open = window.matchMedia('(min-width: 901px)').matches;
  root.querySelector('#search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    go({ ...state, q: root.querySelector('#q').value.trim(), page: 1 });
  });
  root.querySelector('#range-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const from = root.querySelector('#from').value.trim();
    const to = root.querySelector('#to').value.trim();
    const fromIso = from ? isoDate(from) : '';
    const toIso = to ? isoDate(to) : '';
    const error = root.querySelector('#range-error');
    if (fromIso === null || toIso === null) {
      error.textContent = 'Hãy nhập ngày dạng ngày/tháng/năm, ví dụ 05/02/2024.';
      return;
    }
    if (fromIso && toIso && fromIso > toIso) {
      error.textContent = '"Từ ngày" phải trước "Đến ngày".';
      return;
    }
    error.textContent = '';
    go({ ...state, from: fromIso, to: toIso, page: 1 });
  });
  root.querySelector('#sort').addEventListener('change', (e) => go({ ...state, sort: e.target.value, page: 1 }));
  root.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-set]');
    if (!button) return;
    const change = JSON.parse(button.dataset.set);
    go({ ...state, ...change, page: change.page || 1 });
  });
  window.addEventListener('popstate', () => {
    state = stateFromUrl();
    show();
  });
  await show();
}

function go(next) {
  performance.mark('sohoa-search-start');
  state = next;
  history.pushState(null, '', urlOf(state));
  show();
}

function fillForm() {
  root.querySelector('#q').value = state.q;
  root.querySelector('#from').value = date(state.from);
  root.querySelector('#to').value = date(state.to);
  root.querySelector('#sort').value = state.sort;
  root.querySelector('#range-error').textContent = '';
  document.title = state.q ? `${state.q} – Tìm kiếm – sohoa` : 'Tìm kiếm – sohoa';
}

async function show() {
  fillForm();
  const mine = ++sequence;
  root.querySelector('.results').setAttribute('aria-busy', 'true');
  let result;
  try {
    result = await api(apiUrl(state));
  } catch (e) {
    if (mine !== sequence) return;
    root.querySelector('#results-heading').textContent = 'Không tìm được';
    mount(root.querySelector('#hits'), html`<p class="error" role="alert">${e.message}</p>`);
    mount(root.querySelector('#pager'), '');
    root.querySelector('.results').removeAttribute('aria-busy');
    return;
  }
  if (mine !== sequence) return;
  drawHeading(result);
  drawActive();
  drawHits(result);
  drawPager(result);
  drawFacets(result.facets || {});
  const results = root.querySelector('.results');
  results.removeAttribute('aria-busy');
  results.dataset.shown = urlOf(state);
  // The time from the search asked for to its results painted, read by the browser benchmark.
  requestAnimationFrame(() => setTimeout(() => {
    if (performance.getEntriesByName('sohoa-search-start').length > 0) {
      performance.measure('sohoa-results-painted', 'sohoa-search-start');
      performance.clearMarks('sohoa-search-start');
    }
  }));
}

const active = () => FILTERS.filter((k) => state[k]);
const setButton = (change) => JSON.stringify(change);

function shownValue(key, value) {
  return key === 'from' || key === 'to' ? date(value) : value;
}

function drawHeading(result) {
  const heading = root.querySelector('#results-heading');
  if (result.total === 0) heading.textContent = 'Không tìm thấy văn bản nào';
  else if (!state.q && active().length === 0) heading.textContent = `Tất cả ${number(result.total)} văn bản trong kho`;
  else heading.textContent = `Tìm thấy ${number(result.total)} văn bản`;
}

function drawActive() {
  const filters = active();
  mount(root.querySelector('#active'), filters.length === 0 ? '' : html`
    <ul class="chips" aria-label="Bộ lọc đang dùng">
      ${filters.map((k) => html`<li><button type="button" class="chip" data-set="${setButton({ [k]: '' })}"
        aria-label="Bỏ bộ lọc ${FILTER_LABELS[k]}: ${shownValue(k, state[k])}">${FILTER_LABELS[k]}: ${shownValue(k, state[k])}
        <span aria-hidden="true">✕</span></button></li>`)}
      ${filters.length > 1 ? html`<li><button type="button" class="link" data-set="${setButton(Object.fromEntries(filters.map((k) => [k, ''])))}">Bỏ tất cả bộ lọc</button></li>` : ''}
    </ul>`);
}

function documentLink(id) {
  return `/documents/${id}${query({ q: state.q })}`;
}

function drawHits(result) {
  const hits = root.querySelector('#hits');
  if (result.total === 0) {
    const filters = active();
    mount(hits, html`<div class="empty">
      ${filters.length > 0 ? html`<p>Không có văn bản nào khớp với cả từ khóa và các bộ lọc đang chọn. Hãy thử bỏ bớt bộ lọc:</p>
        <ul>${filters.map((k) => html`<li><button type="button" class="link" data-set="${setButton({ [k]: '' })}">Bỏ lọc ${FILTER_LABELS[k]}: ${shownValue(k, state[k])}</button></li>`)}</ul>
        <p><button type="button" data-set="${setButton(Object.fromEntries(filters.map((k) => [k, ''])))}">Bỏ tất cả bộ lọc</button></p>`
        : html`<p>Hãy thử từ khóa khác, ít từ hơn, hoặc bỏ dấu ngoặc kép quanh cụm từ.</p>`}
    </div>`);
    return;
  }
  mount(hits, html`<ol class="hits" start="${(state.page - 1) * SIZE + 1}">
    ${result.hits.map((hit) => html`<li class="hit">
      <h3><a href="${documentLink(hit.id)}">${hit.title || hit.fileName}</a></h3>
      <dl class="facts">
        ${fact('Số ký hiệu', hit.documentNumber)}
        ${fact('Loại', hit.documentType)}
        ${fact('Ngày', date(hit.issuedDate))}
        ${fact('Cơ quan ban hành', hit.issuer)}
        ${fact('Hồ sơ', hit.folder)}
      </dl>
      ${(hit.snippets || []).length > 0 ? html`<p class="snippet">${(hit.snippets).map((s, i) => html`${i > 0 ? ' … ' : ''}${marked(s)}`)}</p>` : ''}
      <p class="file">${hit.fileName}${hit.pageCount ? html` · ${hit.pageCount} trang` : ''}</p>
    </li>`)}
  </ol>`);
}

function fact(label, value) {
  return value ? html`<div><dt>${label}</dt><dd>${value}</dd></div>` : '';
}

function drawPager(result) {
  const pages = Math.ceil(result.total / SIZE);
  const pager = root.querySelector('#pager');
  if (pages <= 1) {
    mount(pager, '');
    return;
  }
  const p = state.page;
  const numbers = [...new Set([1, p - 2, p - 1, p, p + 1, p + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  mount(pager, html`
    <button type="button" data-set="${setButton({ page: p - 1 })}" ${p <= 1 ? 'disabled' : ''}>‹ Trang trước</button>
    ${numbers.map((n) => (n === p
    ? html`<span class="current" aria-current="page">Trang ${n}</span>`
    : html`<button type="button" data-set="${setButton({ page: n })}" aria-label="Trang ${n}">${n}</button>`))}
    <button type="button" data-set="${setButton({ page: p + 1 })}" ${p >= pages ? 'disabled' : ''}>Trang sau ›</button>`);
}

function drawFacets(facets) {
  mount(root.querySelector('#facets'), FACETS.map((f) => {
    const values = [...(facets[f.key] || [])];
    const selected = state[f.key];
    if (selected && !values.some((v) => v.value === selected)) values.unshift({ value: selected, count: 0 });
    if (values.length === 0) return '';
    const button = (v) => {
      const on = v.value === selected;
      return html`<li><button type="button" class="facet" aria-pressed="${on ? 'true' : 'false'}"
        data-set="${setButton({ [f.key]: on ? '' : v.value })}">
        <span class="facet-value">${v.value}</span> <span class="count" aria-label="${v.count} văn bản">${number(v.count)}</span></button></li>`;
    };
    const first = values.slice(0, FACET_SHOWN);
    const rest = values.slice(FACET_SHOWN);
    return html`<fieldset class="facet-group" data-facet="${f.key}">
      <legend>${f.label}</legend>
      <ul>${first.map(button)}</ul>
      ${rest.length > 0 ? html`<details><summary>Thêm ${rest.length}</summary><ul>${rest.map(button)}</ul></details>` : ''}
    </fieldset>`;
  }));
}
