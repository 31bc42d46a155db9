import { contextBridge, ipcRenderer } from 'electron';
import { channels } from './shared/contract';
import { createPipDoctorBridge } from './preloadBridge';

/**
 * Runs sandboxed before the page: it may only require('electron'), so
 * electron-vite bundles this file and what it imports into one script.
 */
contextBridge.exposeInMainWorld(
  'pipDoctor',
  createPipDoctorBridge(ipcRenderer, Object.keys(channels)),
);
