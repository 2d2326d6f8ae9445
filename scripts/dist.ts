// `npm run dist`: the Linux packages (electron-builder.yml), after `npm run build`. Needs the
// Electron binary (a plain `npm ci` fetches it) and, for deb and rpm, the publisher's identity.
import { spawnSync } from 'node:child_process';
import { planDist } from './dist-identity';

const request = planDist(process.argv.slice(2), process.env);
if (!request.ok) {
  process.stderr.write(request.message);
  process.exit(2);
}
const { targets, overrides } = request.plan;
const result = spawnSync(
  'npx',
  ['electron-builder', '--linux', ...targets, '--publish', 'never', ...overrides],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
