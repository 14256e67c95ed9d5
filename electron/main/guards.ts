// Security decisions of the main process as pure functions of strings, so Node tests can feed
// them hostile URLs without Electron. Nothing here imports 'electron'.

export const APP_SCHEME = 'app';
export const APP_HOST = 'synapse';
/** Origin the renderer is served from, through the app:// protocol handler. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Longest URL any guard accepts; longer strings are rejected before parsing. */
export const MAX_URL_LENGTH = 2048;

/**
 * C0 and C1 controls, whitespace, zero-width characters and bidirectional overrides. A link
 * containing one can display as something other than where it leads.
 */
const DECEPTIVE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/** Permissions the app's own pages may use: writing to the clipboard for "copy recovery key". */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for a URL of the app's origin written in canonical form: lower-case scheme and host, no
 * credentials, no port. Anything else, including "APP://synapse/" or "app://synapse.evil/", is
 * foreign, even where Chromium would treat it as the same origin.
 */
export function isAppUrl(url: unknown, appOrigin: string = APP_ORIGIN): boolean {
  if (typeof url !== 'string' || !url.startsWith(`${appOrigin}/`)) return false;
  const parsed = parse(url);
  if (parsed === null || parsed.username !== '' || parsed.password !== '') return false;
  return `${parsed.protocol}//${parsed.host}` === appOrigin;
}

/** True for the app's origin itself, or a URL of it, as permission checks report either. */
export function isAppOrigin(value: unknown, appOrigin: string = APP_ORIGIN): boolean {
  return value === appOrigin || isAppUrl(value, appOrigin);
}

/** The frame that sent an IPC message: its URL and whether it is the top-level frame. */
export interface SenderFrame {
  url: string;
  /** Whether the frame is its webContents' top-level frame. */
  isMainFrame: boolean;
}

/**
 * True when an IPC message comes from the app's own top-level frame. A frame that is gone, a
 * subframe, or any other origin is rejected, so an injected iframe cannot reach the handlers.
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  appOrigin: string = APP_ORIGIN,
): boolean {
  if (frame === null || frame === undefined || !frame.isMainFrame) return false;
  return isAppUrl(frame.url, appOrigin);
}

/**
 * Returns the URL to hand to the operating system for a link, or null when the link must not be
 * opened. Only https: links to a named host without credentials, and mailto: links to one
 * address, pass. Punycode hosts are rejected because they can imitate a known domain.
 */
export function externalUrlToOpen(url: unknown): string | null {
  if (typeof url !== 'string' || DECEPTIVE_CHARACTERS.test(url)) return null;
  const parsed = parse(url);
  if (parsed === null) return null;

  if (parsed.protocol === 'https:') {
    if (parsed.username !== '' || parsed.password !== '') return null;
    if (parsed.hostname === '' || !parsed.hostname.includes('.')) return null;
    if (parsed.hostname.split('.').some((label) => label.startsWith('xn--'))) return null;
    return parsed.href;
  }

  if (parsed.protocol === 'mailto:') {
    if (!/^[^@\s,;:/?#%]+@[a-z0-9.-]+\.[a-z]{2,}$/i.test(parsed.pathname)) return null;
    for (const key of parsed.searchParams.keys()) {
      if (key !== 'subject' && key !== 'body') return null;
    }
    return parsed.href;
  }

  return null;
}

export type NavigationDecision =
  { action: 'allow' } | { action: 'deny' } | { action: 'openExternal'; url: string };

/**
 * Decides a navigation of the app's window: its own pages may load, an allowed external link
 * opens in the user's browser instead, and everything else is cancelled.
 */
export function decideNavigation(url: unknown, appOrigin: string = APP_ORIGIN): NavigationDecision {
  if (isAppUrl(url, appOrigin)) return { action: 'allow' };
  const external = externalUrlToOpen(url);
  return external === null ? { action: 'deny' } : { action: 'openExternal', url: external };
}

/** Decides a window.open or target="_blank" link: never a new window, at most the browser. */
export function decideWindowOpen(url: unknown): Exclude<NavigationDecision, { action: 'allow' }> {
  const external = externalUrlToOpen(url);
  return external === null ? { action: 'deny' } : { action: 'openExternal', url: external };
}

/** True only for the few permissions the app uses, requested by the app's own origin. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: unknown,
  appOrigin: string = APP_ORIGIN,
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppOrigin(requestingUrl, appOrigin);
}
