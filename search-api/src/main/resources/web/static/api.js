// Calls to sohoa's API: JSON in and out, the XSRF token on every change, and the login page on 401.

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

const MESSAGES = {
  0: 'Không kết nối được với máy chủ sohoa. Hãy kiểm tra mạng rồi thử lại.',
  403: 'Tài khoản của bạn không có quyền làm việc này.',
  404: 'Không tìm thấy nội dung được yêu cầu.',
  429: 'Bạn đã thử quá nhiều lần. Hãy đợi một lát rồi thử lại.',
  500: 'Lỗi trong hệ thống khi xử lý yêu cầu. Hãy thử lại; nếu lỗi lặp lại, báo cho quản trị viên.',
  503: 'Hệ thống tạm thời không hoạt động. Hãy thử lại sau ít phút.',
};

export const messageFor = (status) => MESSAGES[status] || MESSAGES[500];

export function cookie(name) {
  const found = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

/** Headers every state-changing request carries: the XSRF token, when the server set one. */
export function changeHeaders() {
  const token = cookie('XSRF-TOKEN');
  return token ? { 'X-XSRF-TOKEN': token } : {};
}

export function loginUrl() {
  return `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
}

export function toLogin() {
  if (location.pathname !== '/login') location.assign(loginUrl());
}

/**
 * Calls the API. `json` is sent as the body; `signIn: false` keeps a 401 from leaving the page
 * (the login and session calls handle it themselves).
 */
export async function api(path, { method = 'GET', json, signIn = true, signal } = {}) {
  const headers = { Accept: 'application/json' };
  let body;
  if (method !== 'GET' && method !== 'HEAD') Object.assign(headers, changeHeaders());
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, messageFor(0));
  }
  const type = response.headers.get('Content-Type') || '';
  let data = null;
  if (type.includes('json')) {
    try { data = await response.json(); } catch (e) { data = null; }
  }
  if (response.status === 401 && signIn) {
    toLogin();
  }
  if (!response.ok) {
    throw new ApiError(response.status, (data && data.message) || messageFor(response.status), data);
  }
  return data;
}

export const query = (params) => {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => {
    if (v !== null && v !== undefined && v !== '') search.set(k, v);
  });
  const text = search.toString();
  return text ? `?${text}` : '';
};
