import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package's version, from package.json three levels above out/main/cli/. */
export function version(): string {
  const pkg = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
  ) as { version?: string };
  return pkg.version ?? 'unknown';
}
