// The preload, bundled to one CommonJS file (dist/preload/index.cjs) because sandboxed preloads
// cannot load ES modules or other files. It exposes the bridge and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './create-bridge.js';

contextBridge.exposeInMainWorld('hearth', createBridge(ipcRenderer));
