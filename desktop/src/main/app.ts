// Wires the main process together: policy and settings, the app:// protocol with its CSP, the
// guards, the window, OS integration, tokens, sign-in, updates and IPC. Each piece lives in its
// own module and is tested there; this file only connects them to the Electron objects it is given.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { UpdateStatus } from '../shared/update-status.js';
import { EVENT_CHANNELS } from '../shared/ipc-contract.js';
import type { AppPaths } from './app-paths.js';
import { APP_ID } from './app-paths.js';
import type { ElectronMain } from './electron-seam.js';
import { bridgeHandlers } from './ipc/bridge-handlers.js';
import { registerIpcHandlers } from './ipc/ipc-registry.js';
import { appMenuTemplate } from './os/app-menu.js';
import { applyUnreadCount } from './os/badge.js';
import { DEEP_LINK_SCHEME, deepLinkFromArgv, routeFromDeepLink } from './os/deep-links.js';
import { createNotifier } from './os/notifications.js';
import { openFile } from './os/open-file.js';
import { claimSingleInstance } from './os/single-instance.js';
import { BADGE_RED, HEARTH_ORANGE, circleBitmap, trayMenuTemplate } from './os/tray.js';
import { hostPolicyReader } from './policy/policy-host.js';
import { readMachinePolicy } from './policy/read-policy.js';
import type { PolicyReaderDeps } from './policy/read-policy.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler, isAppUrl } from './protocol/app-protocol.js';
import { contentSecurityPolicy } from './security/csp.js';
import { attachNavigationGuards } from './security/navigation-guards.js';
import { installPermissionHandlers } from './security/permissions.js';
import { effectiveSettings, settingValues } from './settings/effective-settings.js';
import { createUserSettingsStore } from './settings/user-settings-store.js';
import { createCompanySession } from './signin/company-session.js';
import { credentialSchema } from './signin/oidc-sign-in.js';
import { createSecretStore, createTokenStore } from './tokens/token-store.js';
import { startUpdater } from './updates/updater.js';
import type { RunningUpdater, UpdaterLike } from './updates/updater.js';
import type { MainWindow } from './window/main-window.js';
import { openMainWindow } from './window/main-window.js';

const log = (message: string) => console.log(`hearth: ${message}`);

async function readOrNull(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/** What startApp reads from the machine besides Electron; tests replace it. */
export interface AppHost {
  argv: readonly string[];
  policyReader: PolicyReaderDeps;
}

export async function startApp(
  e: ElectronMain,
  paths: AppPaths,
  loadUpdater: () => Promise<UpdaterLike>,
  host: AppHost = { argv: process.argv, policyReader: hostPolicyReader(APP_ID) },
): Promise<void> {
  const { app } = e;
  app.enableSandbox();
  e.protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

  let main: MainWindow | null = null;
  let pendingRoute = deepLinkFromArgv(host.argv);
  const openRoute = (route: string | null) => {
    if (route === null) return;
    if (main === null) pendingRoute = route;
    else {
      main.focus();
      main.navigate(route);
    }
  };
  if (!claimSingleInstance(app, (argv) => {
    main?.focus();
    openRoute(deepLinkFromArgv(argv));
  })) return;
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openRoute(routeFromDeepLink(url));
  });
  if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(host.argv[1] ?? '.')]);

  // Every web contents, whatever creates it, gets the navigation guards and no <webview>.
  app.on('web-contents-created', (_event, contents) => attachNavigationGuards(contents, (url) => void e.shell.openExternal(url)));

  await app.whenReady();

  const policyRead = await readMachinePolicy(host.policyReader);
  for (const warning of policyRead.warnings) log(`policy: ${warning}`);
  log(policyRead.sources.length > 0 ? `machine policy from ${policyRead.sources.join(', ')}` : 'no machine policy');
  const policy = policyRead.policy;
  const userData = app.getPath('userData');
  await mkdir(userData, { recursive: true });
  const userFile = path.join(userData, 'settings.json');
  const userStore = createUserSettingsStore({ read: () => readOrNull(userFile), write: (text) => writeFile(userFile, text, { mode: 0o600 }) });
  const settings = async () => effectiveSettings(policy, await userStore.load());
  const startSettings = settingValues(await settings());

  const ses = e.session.defaultSession;
  installPermissionHandlers(ses, isAppUrl);
  // The CSP is read per response, so a relay chosen at sign-in applies from the next page load.
  let relayForCsp = startSettings.relayUrl;
  e.protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.webRoot, () => contentSecurityPolicy(relayForCsp)));

  // The session (the relay token the renderer uses) and the company credential (the refresh token,
  // which never leaves main) are kept alike: encrypted with safeStorage, each in its own file.
  const secretFile = (name: string) => {
    const file = path.join(userData, name);
    return {
      read: async () => readFile(file).catch(() => null),
      write: (data: Buffer) => writeFile(file, data, { mode: 0o600 }),
      remove: () => rm(file, { force: true }),
    };
  };
  const secretDeps = { safeStorage: e.safeStorage, platform: process.platform, allowPlainText: () => startSettings.allowPlainTextTokenStorage, warn: log };
  const tokens = createTokenStore({ ...secretDeps, file: secretFile('session.bin') });
  const company = createCompanySession({
    fetch: e.net.fetch,
    openExternal: (url) => e.shell.openExternal(url),
    tokens,
    credentials: createSecretStore({ ...secretDeps, file: secretFile('company-credential.bin') }, credentialSchema),
  });

  const trayImage = e.nativeImage.createFromBitmap(circleBitmap(16, HEARTH_ORANGE), { width: 16, height: 16 });
  const overlayImage = e.nativeImage.createFromBitmap(circleBitmap(16, BADGE_RED), { width: 16, height: 16 });
  const tray = new e.Tray(trayImage);
  tray.setToolTip(app.getName());
  tray.setContextMenu(e.Menu.buildFromTemplate(trayMenuTemplate(() => main?.focus(), () => app.quit(), app.getName())));
  tray.on('click', () => main?.focus());
  e.Menu.setApplicationMenu(e.Menu.buildFromTemplate(appMenuTemplate(process.platform, app.isPackaged, app.getName())));

  const broadcastUpdate = (status: UpdateStatus) => {
    if (main !== null && !main.window.isDestroyed()) main.window.webContents.send(EVENT_CHANNELS.updateStatus, status);
  };
  let updater: RunningUpdater | null = null;

  registerIpcHandlers(
    e.ipcMain,
    bridgeHandlers({
      settings,
      async updateUserSettings(patch) {
        const next = await userStore.update(patch);
        relayForCsp = effectiveSettings(policy, next).relayUrl.value;
      },
      tokens,
      updater: () => updater ?? { status: () => ({ state: 'idle', checkedAt: null }), check: async () => {}, install: () => {} },
      notify: createNotifier({
        isSupported: () => e.Notification.isSupported(),
        create: (options) => new e.Notification(options),
        focusWindow: () => main?.focus(),
        navigate: (route) => main?.navigate(route),
      }),
      setBadge: (count) =>
        applyUnreadCount(count, {
          platform: process.platform,
          setBadgeCount: (n) => app.setBadgeCount(n),
          setOverlay: (label) => main?.window.setOverlayIcon(label === null ? null : overlayImage, label === null ? '' : `${label} unread`),
          setTrayTooltip: (text) => tray.setToolTip(text),
        }, app.getName()),
      openFile: (file) =>
        openFile(
          {
            dir: path.join(app.getPath('temp'), 'hearth-attachments'),
            mkdir: (dir) => mkdir(dir, { recursive: true }),
            writeFile: (file, data) => writeFile(file, data),
            openPath: (file) => e.shell.openPath(file),
            showItemInFolder: (file) => e.shell.showItemInFolder(file),
          },
          file,
        ),
      company,
      reloadWindow: () => setTimeout(() => main?.window.webContents.reload(), 0),
    }),
    () => new Set(main === null || main.window.isDestroyed() ? [] : [main.window.webContents.id]),
  );

  const createWindow = () => {
    main = openMainWindow((options) => new e.BrowserWindow(options), paths.preload);
    main.window.on('closed', () => (main = null));
    const route = pendingRoute;
    pendingRoute = null;
    if (route !== null) main.navigate(route);
  };
  createWindow();
  app.on('activate', () => (main === null ? createWindow() : main.focus()));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  try {
    updater = await startUpdater({
      settings: startSettings,
      isPackaged: app.isPackaged,
      platform: process.platform,
      loadUpdater,
      readAppUpdateConfig: () => readOrNull(path.join(process.resourcesPath, 'app-update.yml')),
      onStatus: broadcastUpdate,
      now: Date.now,
    });
  } catch (error) {
    // A broken updater must not take the app down with it.
    const failed: UpdateStatus = { state: 'error', message: (error as Error).message };
    updater = { status: () => failed, check: async () => {}, install: () => {} };
    broadcastUpdate(failed);
  }
  const status = updater.status();
  log(`updates: ${status.state === 'disabled' ? `off (${status.reason})` : status.state === 'error' ? `failed (${status.message})` : 'on'}`);
  void updater.check();
  setInterval(() => void updater?.check(), 4 * 60 * 60 * 1000).unref();
}
