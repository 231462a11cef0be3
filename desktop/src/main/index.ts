// The real main-process entry, bundled to dist/main/index.cjs. It loads Electron through the seam
// and hands it to startApp; nothing else in src/main loads Electron.
import { startApp } from './app.js';
import { appPaths } from './app-paths.js';
import { electron, loadElectronUpdater } from './electron-seam.js';

startApp(electron, appPaths(__dirname), loadElectronUpdater).catch((error: unknown) => {
  console.error('hearth: failed to start', error);
  electron.app.exit(1);
});
