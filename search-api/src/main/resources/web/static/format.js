// HTML built from templates whose values are escaped, and how values are shown in Vietnamese.

class Raw {
  constructor(text) { this.text = text; }
  toString() { return this.text; }
}

/** Markup that is already safe (built by `html` or `marked`). */
export const raw = (text) => new Raw(text);

export function escape(value) {
  return String(value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function part(value) {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return value.map(part).join('');
  return escape(value);
}

/** Tagged template: every interpolated value is escaped unless it is `raw` (or an array of them). */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => { out += part(value) + strings[i + 1]; });
  return new Raw(out);
}

export function mount(node, markup) {
  node.innerHTML = part(markup);
}

/** A snippet from the search API: everything escaped but its <mark> and </mark>. */
export function marked(snippet) {
  return raw(escape(snippet).replace(/&lt;(\/?)mark&gt;/g, '<$1mark>'));
}

const pad = (n) => String(n).padStart(2, '0');

/** `2024-02-05` (or an instant) as `05/02/2024`; an instant also gets its local time when `withTime`. */
export function date(value, withTime = false) {
  if (!value) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const text = `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
  return withTime ? `${text} ${pad(d.getHours())}:${pad(d.getMinutes())}` : text;
}

/** `05/02/2024` or `5/2/2024` as `2024-02-05`; null when it is no date. */
export function isoDate(text) {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text || '');
  if (!m) return /^\d{4}-\d{2}-\d{2}$/.test((text || '').trim()) ? text.trim() : null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

const numbers = new Intl.NumberFormat('vi-VN');
export const number = (n) => numbers.format(n);

export function bytes(n) {
  if (n == null) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i += 1; }
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v)} ${units[i]}`;
}

const TYPES = {
  'application/pdf': 'PDF',
  'image/tiff': 'Ảnh TIFF',
  'image/jpeg': 'Ảnh JPEG',
  'image/png': 'Ảnh PNG',
  'image/bmp': 'Ảnh BMP',
  'text/plain': 'Văn bản thuần',
  'text/html': 'HTML',
  'application/msword': 'Word (DOC)',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/rtf': 'RTF',
};
export const fileKind = (contentType) => TYPES[contentType] || contentType || '';
