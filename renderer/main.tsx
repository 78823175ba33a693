import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { isUiLanguage, uiLanguages, defaultLanguage } from '../shared/languages';
import type { WorkstationApi } from '../shared/api/workstation-api';
import { App } from './App';
import { createElectronPort } from './host/electron-port';
import { HostContext } from './host/host-context';
import { createWebSocketPort, readSecret } from './host/web-socket-port';
import { createWorkstationClient } from './host/workstation-client';
import { initI18n } from './i18n/i18n';
import { MissingSecret } from './shell/MissingSecret';
import { theme } from './theme';

function browserLanguage() {
  const preferred = navigator.languages.map((code) => (code.startsWith('nb') || code.startsWith('nn') ? 'no' : code.slice(0, 2)));
  return preferred.find((code) => (uiLanguages as readonly string[]).includes(code)) ?? defaultLanguage;
}

function connect(): WorkstationApi | null {
  if (window.imiDesk) return createWorkstationClient(createElectronPort(window.imiDesk));
  const secret = readSecret();
  return secret ? createWorkstationClient(createWebSocketPort(secret)) : null;
}

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const host = connect();
  const settings = host ? await host.call('settings.get', {}).catch(() => null) : null;
  const fallback = browserLanguage();
  await initI18n(settings?.language ?? (isUiLanguage(fallback) ? fallback : defaultLanguage));
  root.render(
    <StrictMode>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        {host ? (
          <HostContext.Provider value={host}>
            <App />
          </HostContext.Provider>
        ) : (
          <MissingSecret />
        )}
      </ThemeProvider>
    </StrictMode>,
  );
}

void start();
