// The renderer's entry point: the same bundle is the Electron renderer and the web client.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/index.css';
import './screens/screens.css';
import './files/attachments.css';
import { App } from './screens/App.js';
import { installTestHooks } from './test-hooks.js';
import { registerOfflineShell } from './platform/offline-shell.js';

installTestHooks();
registerOfflineShell();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
