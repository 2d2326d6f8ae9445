import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The checkout's root, found from this file whether it runs as TypeScript (main/harness/, under
 * tsx or vitest) or built (out/main/harness/): the nearest folder above with a package.json.
 */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
