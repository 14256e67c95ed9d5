import { describe, expect, it } from 'vitest';

import { mainWindowOptions } from '../../electron/main/window-options.js';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');
  const preferences = options.webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['safeDialogs', true],
  ] as const)('sets %s to %s', (key, value) => {
    expect(preferences[key]).toBe(value);
  });

  it('loads the given preload', () => {
    expect(preferences.preload).toBe('/app/out/preload/index.cjs');
  });

  it('enables no Blink feature', () => {
    expect(preferences.enableBlinkFeatures).toBeUndefined();
  });

  it('shows the window only when it is ready', () => {
    expect(options.show).toBe(false);
  });
});
