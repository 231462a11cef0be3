// Starts the Electron shell against the running relay, if an Electron runtime can be had. The
// `electron` npm package downloads its runtime on first use; where that download is impossible
// (no internet, as on the machines that build this repository) this says so in one line and
// returns, so `npm start` keeps serving the web client. It never throws and never blocks: the
// download runs in a child process with a time limit.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const DOWNLOAD_TIMEOUT_MS = Number(process.env.HEARTH_ELECTRON_DOWNLOAD_TIMEOUT_MS ?? 45_000);
/**
 * The Node.js the Electron tooling needs: electron 45's installer (@electron/get 5,
 * @electron-internal/extract-zip) and electron-builder's @electron/rebuild 4 declare `>= 22.12.0`.
 * The relay and the web client need only 20.19 (README, "Which Node.js").
 */
export const ELECTRON_TOOLING_NODE = [22, 12];

function atLeast(version, [major, minor]) {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

function installedBinary(electronDir) {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronDir, 'dist');
  const binary = path.join(base, relative);
  return existsSync(binary) ? binary : null;
}

function tryDownload(electronDir) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'] });
    process.once('exit', () => child.kill('SIGTERM'));
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      resolve(`the download did not finish within ${DOWNLOAD_TIMEOUT_MS / 1000} s`);
    }, DOWNLOAD_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(error.message);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const reason = stderr.trim().split('\n').find((line) => /error|ENOTFOUND|ECONN|EAI_AGAIN|403|404/i.test(line));
      resolve(code === 0 ? null : (reason?.trim().slice(0, 160) ?? `the installer exited with ${code}`));
    });
  });
}

/**
 * Launches Electron with the desktop app; resolves to the child process, or null (after printing
 * why) when the runtime is not available. `onExit` runs when the Electron app quits.
 */
export async function launchElectron({ root, webUrl, onExit = () => {}, nodeVersion = process.versions.node }) {
  const electronDir = path.join(root, 'node_modules', 'electron');
  const notStarted = (reason) => {
    console.log(`Electron desktop app not started: ${reason}. The web client keeps running at ${webUrl}`);
    return null;
  };
  if (process.env.HEARTH_NO_ELECTRON === '1') return notStarted('HEARTH_NO_ELECTRON=1');
  if (!existsSync(path.join(electronDir, 'package.json'))) return notStarted('the electron package is not installed');
  if (!existsSync(path.join(root, 'desktop', 'dist', 'main', 'index.cjs'))) return notStarted('the main process was not built');
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  let binary = installedBinary(electronDir);
  if (binary === null) {
    if (headless) return notStarted('the Electron runtime is not installed (it is downloaded on first use) and there is no display here');
    if (!atLeast(nodeVersion, ELECTRON_TOOLING_NODE)) {
      return notStarted(`the Electron runtime is not installed, and its installer needs Node.js ${ELECTRON_TOOLING_NODE.join('.')} or newer (this is ${nodeVersion})`);
    }
    console.log('Fetching the Electron runtime (first run)…');
    const failure = await tryDownload(electronDir);
    if (failure !== null) return notStarted(`the Electron runtime could not be downloaded (${failure})`);
    binary = installedBinary(electronDir);
    if (binary === null) return notStarted('the Electron runtime download left no binary behind');
  }
  if (headless) return notStarted('there is no display here');
  const child = spawn(binary, [path.join(root, 'desktop')], { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' } });
  child.on('error', (error) => console.log(`Electron desktop app not started: ${error.message}. The web client keeps running at ${webUrl}`));
  child.on('exit', onExit);
  console.log('Hearth desktop app started (Electron).');
  return child;
}
