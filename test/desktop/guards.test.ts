import { describe, expect, it } from 'vitest';

import {
  APP_ORIGIN,
  decideNavigation,
  decideWindowOpen,
  externalUrlToOpen,
  isAppOrigin,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
} from '../../electron/main/guards.js';

// Strings an attacker controls: links in imported scanner reports, a compromised renderer, or
// an injected frame. Every guard must reject each of them.
const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'file:///etc/passwd',
  'file://host/share/x',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://synapse/abc',
  'http://example.com/',
  'ftp://example.com/',
  'ws://127.0.0.1:9222/',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'vbscript:msgbox',
  'ms-msdt:/id PCWDiagnostic',
  'smb://server/share',
  'app://other-host/index.html',
  'APP://synapse/index.html',
  'app://SYNAPSE/index.html',
  'app://synapse.evil/index.html',
  'app://synapse@evil/index.html',
  'app://user:pass@synapse/index.html',
  'app://synapse:8080/index.html',
  'app://synаpse/index.html',
  'about:blank',
  '',
  '//evil.example/',
  '\\\\evil\\share',
];

describe('isAppUrl', () => {
  it('accepts the app origin in canonical form', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/assets/index-abc.js?x=1#top`)).toBe(true);
  });

  it.each(HOSTILE_URLS)('rejects %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['app://synapse/']]) {
      expect(isAppUrl(value)).toBe(false);
    }
  });

  it('rejects the origin without a path', () => {
    expect(isAppUrl(APP_ORIGIN)).toBe(false);
  });

  it('rejects an overlong URL', () => {
    expect(isAppUrl(`${APP_ORIGIN}/${'a'.repeat(5000)}`)).toBe(false);
  });

  it('accepts a dev server origin only when given', () => {
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});

describe('isAppOrigin', () => {
  it('accepts the bare origin, as permission checks pass it', () => {
    expect(isAppOrigin(APP_ORIGIN)).toBe(true);
  });

  it('rejects a look-alike origin', () => {
    expect(isAppOrigin('app://synapse.evil')).toBe(false);
    expect(isAppOrigin('APP://synapse')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('accepts the top-level app frame', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, isMainFrame: true })).toBe(true);
  });

  it('rejects a subframe of the app origin', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, isMainFrame: false })).toBe(false);
  });

  it('rejects a destroyed frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it.each(HOSTILE_URLS)('rejects a top-level frame at %j', (url) => {
    expect(isTrustedSender({ url, isMainFrame: true })).toBe(false);
  });
});

describe('externalUrlToOpen', () => {
  it.each([
    ['https://owasp.org/www-project-top-ten/', 'https://owasp.org/www-project-top-ten/'],
    [
      'https://cwe.mitre.org/data/definitions/79.html',
      'https://cwe.mitre.org/data/definitions/79.html',
    ],
    ['HTTPS://Example.COM/a?b=c', 'https://example.com/a?b=c'],
    ['https://example.com:8443/x', 'https://example.com:8443/x'],
    ['mailto:dpo@example.com', 'mailto:dpo@example.com'],
    ['mailto:dpo@example.com?subject=Request', 'mailto:dpo@example.com?subject=Request'],
  ])('opens %j', (url, expected) => {
    expect(externalUrlToOpen(url)).toBe(expected);
  });

  it.each([
    ...HOSTILE_URLS,
    'https://user@evil.example/',
    'https://user:password@evil.example/',
    'https://example.com@evil.example/',
    'https://localhost/',
    'https:///nohost',
    'https://xn--exmple-cua.com/',
    'https://exаmple.com/',
    'https://example.com/\u202eexe.pdf',
    'https://example.com/\u200b',
    'https://example.com/ space',
    'https://example.com/\n',
    '\u0000https://example.com/',
    'ｈｔｔｐｓ://example.com/',
    'mailto:dpo@example.com?cc=other@example.com',
    'mailto:dpo@example.com?bcc=x@example.com',
    'mailto:a@example.com,b@example.com',
    'mailto:%0d%0aBcc:x@example.com',
    'mailto:',
    `https://example.com/${'a'.repeat(3000)}`,
  ])('rejects %j', (url) => {
    expect(externalUrlToOpen(url)).toBeNull();
  });
});

describe('decideNavigation', () => {
  it('allows the app', () => {
    expect(decideNavigation(`${APP_ORIGIN}/index.html`)).toEqual({ action: 'allow' });
  });

  it('sends an https link to the browser', () => {
    expect(decideNavigation('https://example.com/')).toEqual({
      action: 'openExternal',
      url: 'https://example.com/',
    });
  });

  it.each(HOSTILE_URLS)('denies %j', (url) => {
    expect(decideNavigation(url)).toEqual({ action: 'deny' });
  });
});

describe('decideWindowOpen', () => {
  it('never opens the app in a second window', () => {
    expect(decideWindowOpen(`${APP_ORIGIN}/index.html`)).toEqual({ action: 'deny' });
  });

  it('sends an https link to the browser', () => {
    expect(decideWindowOpen('https://example.com/x')).toEqual({
      action: 'openExternal',
      url: 'https://example.com/x',
    });
  });

  it.each(HOSTILE_URLS)('denies %j', (url) => {
    expect(decideWindowOpen(url)).toEqual({ action: 'deny' });
  });
});

describe('isPermissionAllowed', () => {
  it('allows clipboard writes for the app', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', `${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', APP_ORIGIN)).toBe(true);
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'fileSystem',
    'unknown',
  ])('denies %s to the app', (permission) => {
    expect(isPermissionAllowed(permission, `${APP_ORIGIN}/index.html`)).toBe(false);
  });

  it.each(HOSTILE_URLS)('denies clipboard writes to %j', (url) => {
    expect(isPermissionAllowed('clipboard-sanitized-write', url)).toBe(false);
  });
});
