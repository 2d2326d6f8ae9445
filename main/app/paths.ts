import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Route } from '../../preload/routes';
import { routeHash } from '../../preload/routes';

/**
 * Where the built pieces live, relative to the app's root (the checkout under `electron .`, the
 * asar archive when packaged). `npm run build` makes them; the packaging test checks they exist.
 */
export const RENDERER_INDEX = 'out/renderer/index.html';
export const PRELOAD_BUNDLE = 'out/preload/index.js';
export const ASSETS_DIR = 'assets';
export const APP_ICON = 'assets/icons/256x256.png';

export interface AppPaths {
  preload: string;
  icon: string;
  assets: string;
  /** file:// URL of the renderer's page, without a route. */
  rendererUrl: string;
}

export function appPaths(appRoot: string): AppPaths {
  return {
    preload: join(appRoot, PRELOAD_BUNDLE),
    icon: join(appRoot, APP_ICON),
    assets: join(appRoot, ASSETS_DIR),
    rendererUrl: pathToFileURL(join(appRoot, RENDERER_INDEX)).href,
  };
}

export function routeUrl(rendererUrl: string, route: Route): string {
  return `${rendererUrl}${routeHash(route)}`;
}
