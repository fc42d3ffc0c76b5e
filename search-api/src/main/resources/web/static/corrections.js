// Metadata corrections by archivists: a "Sửa" button on each field that may be corrected, an inline
// form sending `PATCH /api/documents/{id}/metadata`, and the history of corrections.
import { api } from './api.js';
import { date, html, isoDate, mount } from './format.js';

const TYPES = ['Nghị quyết', 'Quyết định', 'Chỉ thị', 'Quy chế', 'Quy định', 'Thông cáo', 'Thông báo', 'Hướng dẫn',
  'Chương trình', 'Kế hoạch', 'Phương án', 'Đề án', 'Dự án', 'Báo cáo', 'Biên bản', 'Tờ trình', 'Hợp đồng',
  'Công văn', 'Công điện', 'Bản ghi nhớ', 'Bản thỏa thuận', 'Giấy ủy quyền', 'Giấy mời', 'Giấy giới thiệu',
  'Giấy nghỉ phép', 'Phiếu gửi', 'Phiếu chuyển', 'Phiếu báo', 'Thư công'];
const SECRECY = [['', 'Không mật'], ['MẬT', 'Mật'], ['TỐI MẬT', 'Tối mật'], ['TUYỆT MẬT', 'Tuyệt mật']];

const FIELD_NAMES = {
  subject: 'Trích yếu', documentNumber: 'Số, ký hiệu', issuedDate: 'Ngày văn bản', documentType: 'Loại văn bản',
  typeCode: 'Mã loại văn bản', issuer: 'Cơ quan ban hành', signer: 'Người ký', confidentiality: 'Độ mật', fileCode: 'Mã hồ sơ',
};

function input(field, value) {
  const id = `edit-${field.key}`;
  if (field.edit === 'confidentiality') {
    return html`<select id="${id}" name="value">${SECRECY.map(([v, label]) => html`<option value="${v}" ${v === (value || '') ? 'selected' : ''}>${label}</option>`)}</select>`;
  }
  if (field.edit === 'long') return html`<textarea id="${id}" name="value" rows="3">${value || ''}</textarea>`;
  if (field.edit === 'date') {
    return html`<input id="${id}" name="value" value="${date(value)}" inputmode="numeric" placeholder="dd/mm/yyyy" autocomplete="off">`;
  }
  if (field.edit === 'type') {
    return html`<input id="${id}" name="value" value="${value || ''}" list="type-names" autocomplete="off">
      <datalist id="type-names">${TYPES.map((t) => html`<option value="${t}">`)}</datalist>`;
  }
  return html`<input id="${id}" name="value" value="${value || ''}" autocomplete="off">`;
}

/** Adds a "Sửa" button to each editable row of the metadata list; `onSaved` gets the document as the API answers it. */
export function editableRows(list, doc, fields, valueOf, onSaved) {
  fields.filter((f) => f.edit).forEach((field) => {
    const row = list.querySelector(`.meta-row[data-field="${field.key}"] dd`);
    if (!row) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link edit';
    button.textContent = 'Sửa';
    button.setAttribute('aria-label', `Sửa ${field.label}`);
    button.addEventListener('click', () => open(row, button, doc, field, valueOf(doc, field), onSaved));
    row.append(button);
  });
}

function open(row, button, doc, field, value, onSaved) {
  button.hidden = true;
  const form = document.createElement('form');
  form.className = 'correction';
  mount(form, html`
    <label for="edit-${field.key}">${field.label} mới</label>
    ${input(field, value)}
    <label for="reason-${field.key}">Lý do sửa (không bắt buộc)</label>
    <input id="reason-${field.key}" name="reason" autocomplete="off">
    <p class="field-error" role="alert"></p>
    <div class="actions"><button type="submit" class="primary">Lưu</button> <button type="button" data-cancel>Hủy</button></div>`);
  row.append(form);
  form.querySelector('[name="value"]').focus();
  form.querySelector('[data-cancel]').addEventListener('click', () => {
    form.remove();
    button.hidden = false;
    button.focus();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const error = form.querySelector('.field-error');
    let next = form.querySelector('[name="value"]').value.trim();
    if (field.edit === 'date' && next) {
      next = isoDate(next);
      if (!next) {
        error.textContent = 'Hãy nhập ngày dạng ngày/tháng/năm, ví dụ 05/02/2024.';
        return;
      }
    }
    const reason = form.querySelector('[name="reason"]').value.trim();
    const body = { fields: { [field.key]: next === '' ? null : next } };
    if (reason) body.reason = reason;
    form.querySelector('[type="submit"]').disabled = true;
    try {
      const updated = await api(`/api/documents/${doc.id}/metadata`, { method: 'PATCH', json: body });
      onSaved(updated);
      const saved = document.querySelector(`.meta-row[data-field="${field.key}"] .meta-value`);
      if (saved) saved.setAttribute('tabindex', '-1');
      if (saved) saved.focus();
    } catch (err) {
      form.querySelector('[type="submit"]').disabled = false;
      error.textContent = err.status === 404 && !(err.body && err.body.error)
        ? 'Máy chủ chưa cho phép sửa thông tin văn bản.'
        : err.message;
    }
  });
}

/** The corrections, newest first. */
export function history(corrections) {
  if (corrections.length === 0) return html`<p class="none">Chưa có ai sửa thông tin văn bản này.</p>`;
  const rows = [...corrections].reverse();
  return html`<div class="table-wrap"><table class="history">
    <thead><tr><th scope="col">Lúc</th><th scope="col">Người sửa</th><th scope="col">Trường</th>
      <th scope="col">Giá trị cũ</th><th scope="col">Giá trị mới</th><th scope="col">Lý do</th></tr></thead>
    <tbody>${rows.map((c) => html`<tr>
      <td>${date(c.at, true)}</td><td>${c.user || ''}</td><td>${FIELD_NAMES[c.field] || c.field}</td>
      <td>${c.field === 'issuedDate' ? date(c.from) : (c.from || '—')}</td>
      <td>${c.field === 'issuedDate' ? date(c.to) : (c.to || '—')}</td><td>${c.reason || ''}</td></tr>`)}</tbody>
  </table></div>`;
}
