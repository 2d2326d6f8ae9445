import { Variant } from 'dbus-next';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../main/i18n/catalogue';
import { planSecrets } from '../../../main/agent/secret-plan';
import { describeState, describeStatus, statusEntry } from '../../../main/cli/format';
import { strings as desktop } from '../../../main/desktop/strings';
import { localeFromEnv } from '../../../main/i18n/locale';
import { reasonFromActivationError, reasonFromCode } from '../../../main/nm/reasons';
import { strings } from '../../../renderer/strings';

afterEach(() => {
  setLocale('en');
});

describe('the German catalogue through the unchanged accessors', () => {
  it('reads texts in the active language when they are read, not when the module loaded', () => {
    expect(strings.prompt.connect).toBe('Connect');
    setLocale('de');
    expect(strings.prompt.connect).toBe('Verbinden');
    expect(strings.prompt.save).toBe('Passwort speichern');
    expect(strings.vpnTypes.wireguard).toBe('WireGuard');
  });

  it('puts values where German grammar wants them, with its plural rules', () => {
    setLocale('de');
    expect(strings.prompt.title('Büro')).toBe('Mit Büro verbinden');
    expect(strings.bulk.deleteConfirm(1)).toBe('1 Profil löschen?');
    expect(strings.bulk.deleteConfirm(1234)).toBe('1.234 Profile löschen?');
    expect(strings.bulk.changed(2, true)).toBe('2 Profile gelöscht');
    expect(strings.list.count(3, 12)).toBe('3 von 12 Profilen');
    expect(desktop.notify.reconnectedBody(1, null)).toBe('Nach einem Versuch wieder verbunden.');
    expect(desktop.notify.reconnectedBody(3, '10.8.0.2')).toBe(
      'Nach 3 Versuchen wieder verbunden; Ihre Adresse im Tunnel ist 10.8.0.2.',
    );
  });

  it('gives NetworkManager’s failure reasons in German', () => {
    setLocale('de');
    expect(reasonFromCode(10).sentence).toMatch(/^Der VPN-Server hat die Anmeldung abgelehnt\./);
    expect(reasonFromActivationError('org.example.Other', 'nein').sentence).toBe(
      'NetworkManager hat abgelehnt: nein',
    );
  });

  it('builds the agent’s prompt in German', () => {
    setLocale('de');
    const plan = planSecrets({
      connection: {
        connection: { id: new Variant('s', 'Büro'), uuid: new Variant('s', 'u1') },
        vpn: {
          'service-type': new Variant('s', 'org.freedesktop.NetworkManager.openvpn'),
          data: new Variant('a{ss}', {
            'connection-type': 'password',
            username: 'anna',
            'password-flags': '1',
          }),
        },
      },
      settingName: 'vpn',
      hints: [],
      flags: 0x5,
      answeredBefore: false,
      isKeyEncrypted: () => false,
    });
    expect(plan.kind === 'ask' && plan.request).toMatchObject({
      title: 'Anmeldedaten für Büro',
      message: 'Für die Verbindung mit Büro wird ein Passwort benötigt.',
      fields: [{ key: 'password', label: 'Passwort', secret: true }],
    });
  });

  it('keeps English where no translation exists yet, and formats English plurals', () => {
    expect(strings.bulk.deleteConfirm(1)).toBe('Delete 1 profile?');
    expect(strings.list.count(5000, 5000)).toBe('5,000 profiles');
    expect(strings.importView.status('duplicate', 'Work')).toBe(
      'Already there as “Work”, not added again',
    );
  });
});

describe('the CLI’s human output in German', () => {
  it('describes a failed and a connected VPN in German, with the reason word as in --json', () => {
    setLocale(localeFromEnv({ LANG: 'de_DE.UTF-8' }));
    const failed = reasonFromCode(10);
    expect(describeState({ kind: 'failed', reason: failed })).toBe(
      `fehlgeschlagen (login-failed): ${failed.sentence}`,
    );
    const entry = statusEntry({ uuid: 'u1', id: 'Büro' }, { kind: 'failed', reason: failed });
    expect(describeStatus(entry, 0)).toBe(
      'Büro (u1): fehlgeschlagen\n  Grund: login-failed: Der VPN-Server hat die Anmeldung abgelehnt. Prüfen Sie Benutzername und Passwort.',
    );
  });
});
