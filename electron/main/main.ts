// The Electron shell: one hardened window, the application menu, and the carrier over IPC.
// Everything else (replica, sync, API) is the core, which runs without Electron.
import { app, BrowserWindow, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bridgeChannels } from '../../shared/api/electron-bridge';
import { isSafeExternalUrl } from '../../shared/external-links';
import { createCarrierEndpoint, type CarrierEndpoint } from '../core/carrier-endpoint';
import { launchWorkstation, type LaunchedWorkstation } from '../core/launch-workstation';
import { contentSecurityPolicy } from '../web-host/content-security';
import { buildAppMenu } from './app-menu';
import { replicaKey } from './replica-key';
import { shellStrings } from './shell-strings';

const scheme = 'imi-desk';
const appOrigin = `${scheme}://app`;
const rendererFolder = join(__dirname, '..', 'renderer');
const localesFolder = join(app.getAppPath(), 'locales');
const helpUrl = 'https://ec.europa.eu/internal_market/imi-net/';

protocol.registerSchemesAsPrivileged([{ scheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let workstation: LaunchedWorkstation | undefined;
const endpoints = new Map<number, CarrierEndpoint>();

function serveRenderer() {
  const csp = contentSecurityPolicy();
  protocol.handle(scheme, async (request) => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    const file = normalize(join(rendererFolder, path === '/' ? 'index.html' : path));
    if (!file.startsWith(rendererFolder + sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', csp);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function createWindow(): BrowserWindow {
  const language = workstation!.core.settings.get().language;
  const t = shellStrings(localesFolder, language);
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: t('app.windowTitle'),
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const contents = window.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const applyLanguage = () => {
    const strings = shellStrings(localesFolder, workstation!.core.settings.get().language);
    window.setTitle(strings('app.windowTitle'));
    Menu.setApplicationMenu(buildAppMenu(strings, window, helpUrl));
  };
  applyLanguage();
  const stopListening = workstation!.core.settings.onChange(applyLanguage);
  const id = contents.id;
  endpoints.set(
    id,
    createCarrierEndpoint(workstation!.core.calls, workstation!.core.streams, (response) => {
      if (!contents.isDestroyed()) contents.send(bridgeChannels.event, response);
    }),
  );
  window.on('closed', () => {
    stopListening();
    endpoints.get(id)?.close();
    endpoints.delete(id);
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}

ipcMain.handle(bridgeChannels.request, (event, envelopeJson: unknown) => {
  // Only our own page in one of our windows may use the carrier.
  const frame = event.senderFrame;
  const main = event.sender.mainFrame;
  const endpoint = endpoints.get(event.sender.id);
  const fromMainFrame = frame !== null && frame.processId === main.processId && frame.routingId === main.routingId;
  if (!endpoint || !fromMainFrame || !frame.url.startsWith(`${appOrigin}/`)) {
    return { kind: 'result', id: null, ok: false, error: { code: 'malformed-message', message: 'Refused: unknown sender.' } };
  }
  return endpoint.handle(envelopeJson);
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (navigation) => navigation.preventDefault());
  });
  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    serveRenderer();
    workstation = await launchWorkstation({
      home: app.getPath('userData'),
      version: app.getVersion(),
      centralUrl: process.env['IMI_DESK_CENTRAL_URL'],
      replicaKey: replicaKey(app.getPath('userData')),
    });
    createWindow();
  });
  app.on('window-all-closed', () => {
    void workstation?.close().finally(() => app.quit());
  });
}
