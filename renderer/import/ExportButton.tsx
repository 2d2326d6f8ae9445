import { useId, useState } from 'react';
import type { ProfileView } from '../../preload/contract';
import { toCallFailure } from '../api';
import { useStoreInstance } from '../store/context';
import { strings } from '../strings';

const s = strings.exportView;

type Outcome =
  { kind: 'saved'; path: string; warnings: string[] } | { kind: 'failed'; sentence: string } | null;

/** The types main can export (main/export/export-profile.ts). */
export function canExport(vpnType: string): boolean {
  return vpnType === 'openvpn' || vpnType === 'wireguard';
}

/**
 * Export of the selected profile: main asks where to save (a dialog) and writes the file. For a
 * type that cannot be exported the button is disabled, with the reason as its tooltip.
 */
export function ExportButton({ profile }: { profile: ProfileView | undefined }) {
  const store = useStoreInstance();
  const whyId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [forUuid, setForUuid] = useState<string | null>(null);
  const supported = profile !== undefined && canExport(profile.vpnType);
  // The reason is given for a profile of another type, not when none is selected.
  const explained = profile !== undefined && !supported;
  const run = async (uuid: string): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    setForUuid(uuid);
    try {
      const result = await store.api.call('profile:export', { uuid });
      setOutcome(result === null ? null : { kind: 'saved', ...result });
    } catch (err) {
      setOutcome({ kind: 'failed', sentence: toCallFailure(err).sentence });
    } finally {
      setBusy(false);
    }
  };
  const shown = outcome !== null && forUuid === profile?.uuid ? outcome : null;
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={!supported || busy}
        aria-describedby={explained ? whyId : undefined}
        title={explained ? s.unsupported : undefined}
        onClick={() => {
          if (profile !== undefined) void run(profile.uuid);
        }}
      >
        {busy ? s.exporting : s.export}
      </button>
      {/* The reason is the button's tooltip and description, never text in the bar: choosing
          another profile must not change the bar's height and move the list under the pointer. */}
      {explained && (
        <span id={whyId} className="visually-hidden">
          {s.unsupported}
        </span>
      )}
      {shown?.kind === 'saved' && (
        <div role="status" className="export-result">
          <p>{s.saved(shown.path)}</p>
          {shown.warnings.length > 0 && (
            <ul aria-label={s.warnings}>
              {shown.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {shown?.kind === 'failed' && (
        <p role="alert" className="export-result">
          {s.failed(shown.sentence)}
        </p>
      )}
    </>
  );
}
