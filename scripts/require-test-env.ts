// `npm test` runs everything, the sandbox suites included, and those need root and Debian's
// NetworkManager, OpenVPN and dbus. Without them it stops here and says what is missing, instead
// of skipping: a green run must mean every test ran. `npm run test:unit` needs none of this.
import { missingPrerequisites } from '../test/sandbox/infra/prerequisites';

const missing = missingPrerequisites();
if (missing.length > 0) {
  process.stderr.write(
    'The full test suite needs root and these Debian packages (see README, "Tests"):\n' +
      missing.map((m) => `  - ${m}`).join('\n') +
      '\nInstall them and run everything with: sudo scripts/test-everything.sh\n' +
      'Or run the tests that need none of this: npm run test:unit\n',
  );
  process.exit(1);
}
