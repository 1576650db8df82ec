// Small per-browser UI preferences (not user data: those live on the server).
// Storage can be blocked (private mode, policy), so every access falls back quietly.
const NAV_COLLAPSED_KEY = 'ringside.navCollapsed';

export function readNavCollapsed(): boolean {
  try {
    return localStorage.getItem(NAV_COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function writeNavCollapsed(collapsed: boolean): void {
  try {
    localStorage.setItem(NAV_COLLAPSED_KEY, collapsed ? '1' : '0');
  } catch {
    // the choice lasts for this page only
  }
}
