// The CLI's human output in German, as `LANG=de_DE.UTF-8` selects it (main() reads the session's
// locale, then every line below is read in that language). The English of the same lines is
// what the other CLI tests assert.

import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs, usage, UsageError } from '../../../main/cli/args';
import { describeDns } from '../../../main/cli/dns-command';
import { describeOutcome } from '../../../main/cli/import-format';
import { importStrings } from '../../../main/cli/import-strings';
import { describeState } from '../../../main/cli/format';
import { TerminalPrompter } from '../../../main/cli/terminal-prompter';
import { setLocale } from '../../../main/i18n/catalogue';
import { localeFromEnv } from '../../../main/i18n/locale';
import type { FileOutcome } from '../../../main/import/types';
import { capturedStreams } from '../../support/captured-streams';
import { promptRequest } from '../../builders/prompt-request';

afterEach(() => {
  setLocale('en');
});

function german(): void {
  setLocale(localeFromEnv({ LANG: 'de_DE.UTF-8' }));
}

describe('the CLI in German', () => {
  it('prints its usage and argument errors in German, the commands and flags as typed', () => {
    german();
    expect(usage()).toMatch(/^Aufruf: tunnelbar <Befehl> \[Optionen\]/);
    expect(usage()).toContain('  import <Dateien oder Ordner...> [--json] [--dry-run]');
    expect(() => parseArgs(['frobnicate'])).toThrow(
      new UsageError('Unbekannter Befehl „frobnicate“.'),
    );
    expect(() => parseArgs(['up'])).toThrow('„up“ braucht einen Profilnamen oder eine UUID.');
    setLocale('en');
    expect(usage()).toMatch(/^Usage: tunnelbar <command> \[options\]/);
  });

  it('reports imported files with German words and plural rules, file names untouched', () => {
    german();
    const added: FileOutcome = {
      status: 'added',
      index: 0,
      file: 'p/büro.ovpn',
      kind: 'openvpn',
      uuid: 'u1',
      id: 'büro',
      warnings: [{ line: 7, directive: 'verb', message: '"verb" has no effect' }],
      repairs: [],
      inlineFiles: [],
    };
    expect(describeOutcome(added)).toEqual([
      'p/büro.ovpn: „büro“ hinzugefügt (u1)',
      '  Warnung, Zeile 7: "verb" has no effect',
    ]);
    expect(importStrings.summary(1, false, 1, 0, 0)).toBe('1 Datei: 1 hinzugefügt');
    expect(importStrings.summary(5000, true, 4998, 1, 1)).toBe(
      '5.000 Dateien: 4.998 würden hinzugefügt, 1 Duplikat, 1 fehlgeschlagen',
    );
    setLocale('en');
    expect(importStrings.summary(5000, false, 4997, 2, 1)).toBe(
      '5,000 files: 4,997 added, 2 duplicates, 1 failed',
    );
  });

  it('shows states and the DNS view in German', () => {
    german();
    expect(describeState({ kind: 'disconnected' })).toBe('getrennt');
    const text = describeDns({
      mode: 'default',
      rcManager: 'file',
      entries: [
        {
          nameservers: ['10.8.0.1'],
          domains: [],
          interface: 'tun0',
          priority: 50,
          vpn: true,
          general: true,
        },
      ],
      leaks: [{ uuid: 'u1', id: 'Büro', leakingInterfaces: ['eth0'] }],
    });
    expect(text).toBe(
      'NetworkManager-DNS-Modus default, resolv.conf file\n' +
        'tun0 (VPN)\t10.8.0.1\tkeine Domänen\tPriorität 50\talle Namen\n' +
        'Warnung: Büro leitet den gesamten Datenverkehr, aber DNS-Anfragen gehen weiter an die Resolver von eth0. ' +
        'Abhilfe: „Alle DNS-Anfragen über dieses VPN senden“ in seinen DNS-Optionen einschalten, dann neu verbinden.\n',
    );
  });

  it('asks in German, and "ja" accepts a certificate', async () => {
    german();
    const { input, output, written } = capturedStreams();
    const prompter = new TerminalPrompter(input, output);
    input.write('ja\n');
    const answer = await prompter.prompt(
      promptRequest({
        reason: 'certificate',
        fields: [],
        certificate: { host: 'vpn.example', reason: 'selbst signiert', fingerprint: 'AB:CD' },
      }),
      new AbortController().signal,
    );
    expect(answer).toEqual({ values: {}, save: false });
    expect(written()).toContain(
      'Dem Zertifikat von vpn.example wird nicht vertraut: selbst signiert.',
    );
    expect(written()).toContain('Akzeptieren? (ja/nein): ');
  });
});
