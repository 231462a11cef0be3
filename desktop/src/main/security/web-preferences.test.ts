import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../window/main-window.js';
import { hardenedWebPreferences } from './web-preferences.js';

describe('web preferences', () => {
  it('sandboxes and isolates the renderer, with no Node and web security on', () => {
    const prefs = hardenedWebPreferences('/app/dist/preload/index.cjs');
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(prefs.preload).toBe('/app/dist/preload/index.cjs');
  });

  it('is what the main window is created with, and the window stays hidden until painted', () => {
    const options = mainWindowOptions('/p.cjs');
    expect(options.webPreferences).toEqual(hardenedWebPreferences('/p.cjs'));
    expect(options.show).toBe(false);
  });
});
