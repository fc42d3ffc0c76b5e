// A document's pages as images, one at a time, with zoom, and boxes over the printed words a search named.
import { escape, html, mount, raw } from './format.js';
import { matcher } from './words.js';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
const WIDTH_STEP = 400;

/**
 * @param box      the element to draw into
 * @param id       the document's id
 * @param pages    `pages` of `GET /api/documents/{id}/text`, or a promise of them: the first image is
 *                 asked for at once, the boxes are drawn when the words arrive
 * @param pageCount the document's number of pages
 * @param queryText the search that led here; its words are boxed on the image and marked in the text
 * @param onPage   called with the page number shown
 */
export function pageViewer(box, { id, pages: wordsOfPages, pageCount, queryText, onPage }) {
  const isHit = matcher(queryText);
  let pages = Array.isArray(wordsOfPages) ? wordsOfPages : [];
  const count = Math.max(pageCount || 0, pages.length, 1);
  let number = 1;
  let zoom = 1;

  mount(box, html`
    <div class="viewer-bar" role="toolbar" aria-label="Xem trang">
      <button type="button" data-act="prev" aria-label="Trang trước">‹</button>
      <label class="page-pick">Trang <select data-act="page" aria-label="Chọn trang">
        ${Array.from({ length: count }, (_, i) => html`<option value="${i + 1}">${i + 1}</option>`)}
      </select> / ${count}</label>
      <button type="button" data-act="next" aria-label="Trang sau">›</button>
      <span class="spacer"></span>
      <button type="button" data-act="out" aria-label="Thu nhỏ">−</button>
      <output class="zoom" aria-live="polite" aria-label="Mức phóng">100%</output>
      <button type="button" data-act="in" aria-label="Phóng to">+</button>
      <button type="button" data-act="fit">Vừa khung</button>
    </div>
    <p class="hit-count" aria-live="polite"></p>
    <div class="page-frame" tabindex="0" aria-label="Ảnh trang văn bản; dùng phím mũi tên để cuộn">
      <div class="page-sheet">
        <img class="page-image" alt="">
        <div class="page-boxes" aria-hidden="true"></div>
      </div>
      <p class="page-missing" hidden>Chưa xem được ảnh của trang này. Nội dung chữ của trang vẫn đọc được, và bản gốc có thể tải về.</p>
    </div>`);

  const frame = box.querySelector('.page-frame');
  const sheet = box.querySelector('.page-sheet');
  const img = box.querySelector('.page-image');
  const boxes = box.querySelector('.page-boxes');
  const missing = box.querySelector('.page-missing');

  img.addEventListener('error', () => {
    sheet.hidden = true;
    missing.hidden = false;
  });
  img.addEventListener('load', () => {
    sheet.hidden = false;
    missing.hidden = true;
    // From the page's navigation to its first page image painted, read by the browser benchmark.
    if (performance.getEntriesByName('sohoa-page-image-painted').length === 0) {
      requestAnimationFrame(() => setTimeout(() => performance.measure('sohoa-page-image-painted')));
    }
  });

  function imageWidth() {
    const shown = Math.max(frame.clientWidth - 2, 200) * zoom * (window.devicePixelRatio || 1);
    const page = pages[number - 1];
    const stepped = Math.ceil(shown / WIDTH_STEP) * WIDTH_STEP;
    return page && page.width ? Math.min(stepped, Math.ceil(page.width / 100) * 100) : stepped;
  }

  function drawBoxes() {
    boxes.replaceChildren();
    const page = pages[number - 1];
    let found = 0;
    if (page && page.width && page.height && page.words) {
      page.words.forEach((w) => {
        if (!isHit(w.text)) return;
        found += 1;
        const mark = document.createElement('div');
        mark.className = 'word-box';
        mark.dataset.word = w.text;
        mark.style.left = `${(100 * w.x) / page.width}%`;
        mark.style.top = `${(100 * w.y) / page.height}%`;
        mark.style.width = `${(100 * w.width) / page.width}%`;
        mark.style.height = `${(100 * w.height) / page.height}%`;
        boxes.append(mark);
      });
    }
    const note = box.querySelector('.hit-count');
    const hasWords = Boolean(page && page.words && page.words.length > 0);
    note.textContent = queryText && queryText.trim() && hasWords
      ? (found > 0 ? `Trang ${number}: ${found} chỗ có từ đang tìm (tô vàng trên ảnh).` : `Trang ${number} không có từ đang tìm.`)
      : '';
    if (page && page.width && page.height) sheet.style.aspectRatio = `${page.width} / ${page.height}`;
  }

  function drawZoom() {
    sheet.style.width = `${zoom * 100}%`;
    box.querySelector('.zoom').textContent = `${Math.round(zoom * 100)}%`;
    box.querySelector('[data-act="out"]').disabled = zoom <= ZOOMS[0];
    box.querySelector('[data-act="in"]').disabled = zoom >= ZOOMS[ZOOMS.length - 1];
    const wanted = `/api/documents/${id}/pages/${number}?width=${imageWidth()}`;
    if (img.getAttribute('src') !== wanted) img.src = wanted;
  }

  function show(n) {
    number = Math.min(Math.max(1, n), count);
    box.querySelector('[data-act="page"]').value = String(number);
    box.querySelector('[data-act="prev"]').disabled = number <= 1;
    box.querySelector('[data-act="next"]').disabled = number >= count;
    img.alt = `Ảnh trang ${number} trên ${count} của văn bản`;
    drawBoxes();
    drawZoom();
    if (onPage) onPage(number);
  }

  box.addEventListener('click', (e) => {
    const act = e.target.closest('button[data-act]');
    if (!act) return;
    const i = ZOOMS.indexOf(zoom);
    if (act.dataset.act === 'prev') show(number - 1);
    if (act.dataset.act === 'next') show(number + 1);
    if (act.dataset.act === 'in') { zoom = ZOOMS[Math.min(i + 1, ZOOMS.length - 1)]; drawZoom(); }
    if (act.dataset.act === 'out') { zoom = ZOOMS[Math.max(i - 1, 0)]; drawZoom(); }
    if (act.dataset.act === 'fit') { zoom = 1; drawZoom(); }
  });
  box.querySelector('[data-act="page"]').addEventListener('change', (e) => show(Number(e.target.value)));

  if (Array.isArray(wordsOfPages)) {
    const firstHit = pages.findIndex((p) => (p.words || []).some((w) => isHit(w.text)));
    show(firstHit >= 0 ? firstHit + 1 : 1);
  } else {
    show(1);
    Promise.resolve(wordsOfPages).then((arrived) => {
      pages = arrived || [];
      const firstHit = pages.findIndex((p) => (p.words || []).some((w) => isHit(w.text)));
      if (firstHit > 0 && number === 1) show(firstHit + 1);
      else drawBoxes();
    });
  }
  return { show, isHit };
}

/** A page's text, escaped, the words the search named in <mark>. */
export function markedText(text, isHit) {
  return raw((text || '').split(/(\s+)/).map((token) => {
    if (/^\s+$/.test(token) || !isHit(token)) return escape(token);
    return `<mark>${escape(token)}</mark>`;
  }).join(''));
}
