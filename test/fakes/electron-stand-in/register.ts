import Module from 'node:module';
import { join } from 'node:path';

// Loaded with `node --import tsx --import <this>` before the real entry point: `require('electron')`
// then gives the recording stand-in beside this file instead of Electron's binary launcher.
// Tests only; nothing here ships.
const standIn = join(__dirname, 'electron.ts');
const resolver = Module as unknown as {
  _resolveFilename(request: string, ...rest: unknown[]): string;
};
const original = resolver._resolveFilename.bind(Module);
resolver._resolveFilename = (request: string, ...rest: unknown[]): string =>
  request === 'electron' ? standIn : original(request, ...rest);
