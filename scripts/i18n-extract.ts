import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { registeredEntries } from '../main/i18n/define';
import { BOOT_FILE, bootMessages } from './i18n/boot-messages';
import { checkTranslation, differences, extract } from './i18n/catalogue-check';
import './i18n/modules';

/**
 * `npm run i18n:extract`: writes locales/en.json (the source catalogue translators start from)
 * and locales/en-XA.json (the pseudo-locale) from the strings in the code, and the first chunk's
 * copy of the `boot` strings in every language (renderer/boot-messages.json).
 * `--check` (run by `npm run lint` and so by `npm test`) writes nothing and fails when either
 * file is not what the code says, naming the strings and the one command that fixes it.
 */

const FIX = 'Run `npm run i18n:extract` and commit locales/.';
const rootDir = join(__dirname, '..');
const localesDir = join(rootDir, 'locales');

async function readCatalogue(name: string): Promise<Record<string, string>> {
  try {
    return JSON.parse(await readFile(join(localesDir, name), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

function serialise(catalogue: Readonly<Record<string, string>>): string {
  const sorted = Object.fromEntries(Object.entries(catalogue).sort(([a], [b]) => (a < b ? -1 : 1)));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const extracted = extract(registeredEntries());
  const problems = [...extracted.errors];
  const deCatalogue = await readCatalogue('de.json');
  const de = checkTranslation('de', extracted, deCatalogue);
  problems.push(...de.errors);
  const boot = bootMessages(extracted, { de: deCatalogue });
  problems.push(...boot.errors);
  const bootPath = join(rootDir, BOOT_FILE);
  if (!check) await writeFile(bootPath, boot.json);
  else if ((await readFile(bootPath, 'utf8').catch(() => '')) !== boot.json) {
    problems.push(`${BOOT_FILE} is out of date. Run \`npm run i18n:extract\` and commit it.`);
  }

  for (const [file, want] of [
    ['en.json', extracted.source],
    ['en-XA.json', extracted.pseudo],
  ] as const) {
    if (check) {
      const changed = differences(want, await readCatalogue(file));
      if (changed.length > 0) {
        const shown = changed.slice(0, 10).join(', ');
        const more = changed.length > 10 ? ` and ${String(changed.length - 10)} more` : '';
        problems.push(`locales/${file} is out of date (${shown}${more}). ${FIX}`);
      }
    } else {
      await writeFile(join(localesDir, file), serialise(want));
    }
  }

  for (const p of problems) console.error(`i18n: ${p}`);
  if (de.missing.length > 0) {
    console.warn(
      `i18n: de lacks ${String(de.missing.length)} strings (shown in English until translated): ${de.missing.slice(0, 5).join(', ')}${de.missing.length > 5 ? ', …' : ''}`,
    );
  }
  if (de.stale.length > 0) {
    console.warn(
      `i18n: de has ${String(de.stale.length)} strings the code no longer has: ${de.stale.slice(0, 5).join(', ')}`,
    );
  }
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
