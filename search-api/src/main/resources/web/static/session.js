// Who is signed in, and what their role lets them do.
import { api, ApiError } from './api.js';

const RANKS = { officer: 1, archivist: 2, admin: 3 };

let current = null;

/** Reads the session: the user, null when signed out. */
export async function load() {
  try {
    current = await api('/api/session', { signIn: false });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status === 401) current = null;
    else throw e;
  }
  return current;
}

export const user = () => current;

/** Whether the signed-in user's role is at least `role` (officer < archivist < admin). */
export function can(role) {
  return Boolean(current) && (RANKS[String(current.role).toLowerCase()] || 0) >= (RANKS[role] || 99);
}

export async function signOut() {
  await api('/api/session', { method: 'DELETE', signIn: false });
  current = null;
}
