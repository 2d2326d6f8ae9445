import { useState } from 'react';
import { perUserSecretFlags, storedForAllUsers } from '../../preload/boot-safety';
import type { ProfileEdit } from '../../preload/editor';
import { intlLocale } from '../../main/i18n/active';
import { strings } from '../strings';

const s = strings.editor;

/** "password", "password and cert-pass": the secrets named by their flags keys. */
function secretNames(flagKeys: readonly string[]): string {
  const names = flagKeys.map((k) => k.slice(0, -'-flags'.length));
  return new Intl.ListFormat(intlLocale(), { type: 'conjunction' }).format(names);
}

/**
 * Shown while the VPN starts by itself (autoconnect, or with a base connection) and a secret is
 * kept per user: such a start fails when nobody is logged in. Offers to store the secrets for all
 * users (flags 0, written on save like any other change) or to keep them, saying what that means.
 */
export function BootSafety(props: { edit: ProfileEdit; onChange: (edit: ProfileEdit) => void }) {
  const { edit, onChange } = props;
  const [choice, setChoice] = useState<'open' | 'kept' | 'stored'>('open');
  const startsByItself = edit.autoconnect || edit.connectWith.length > 0;
  if (edit.vpn.kind !== 'plugin' || !startsByItself) return null;
  const vpn = edit.vpn;
  const perUser = perUserSecretFlags(vpn.data);
  if (choice === 'stored') return <p className="field-hint">{s.bootSafetyStored}</p>;
  if (perUser.length === 0) return null;
  if (choice === 'kept') return <p className="field-hint">{s.bootSafetyKept}</p>;
  return (
    <section className="card boot-safety" role="alert" aria-label={s.bootSafetyTitle}>
      <h3>{s.bootSafetyTitle}</h3>
      <p>{s.bootSafety(secretNames(perUser))}</p>
      <p className="actions">
        <button
          type="button"
          onClick={() => {
            onChange({ ...edit, vpn: { ...vpn, data: storedForAllUsers(vpn.data) } });
            setChoice('stored');
          }}
        >
          {s.bootSafetyStore}
        </button>{' '}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setChoice('kept');
          }}
        >
          {s.bootSafetyKeep}
        </button>
      </p>
      <p className="field-hint">{s.bootSafetyStoreHint}</p>
    </section>
  );
}
