import { useId, useState } from 'react';
import type { ProfileView } from '../../preload/contract';
import type { ExportResultView } from '../../preload/library';
import { useContractCall } from '../hooks/contract-call';
import { useStoreInstance } from '../store/context';
import { strings } from '../strings';

const s = strings.exportView;

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
  const exporting = useContractCall();
  const [saved, setSaved] = useState<ExportResultView | null>(null);
  // What the last export said is shown only while its profile is the selected one.
  const [forUuid, setForUuid] = useState<string | null>(null);
  const supported = profile !== undefined && canExport(profile.vpnType);
  // The reason is given for a profile of another type, not when none is selected.
  const explained = profile !== undefined && !supported;
  const run = (uuid: string): void => {
    setSaved(null);
    setForUuid(uuid);
    void exporting.run(async () => {
      // null: the person closed the save dialog.
      setSaved(await store.api.call('profile:export', { uuid }));
    }, s.failed);
  };
  const shown = forUuid === profile?.uuid;
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={!supported || exporting.busy}
        aria-describedby={explained ? whyId : undefined}
        title={explained ? s.unsupported : undefined}
        onClick={() => {
          if (profile !== undefined) run(profile.uuid);
        }}
      >
        {exporting.busy ? s.exporting : s.export}
      </button>
      {/* The reason is the button's tooltip and description, never text in the bar: choosing
          another profile must not change the bar's height and move the list under the pointer. */}
      {explained && (
        <span id={whyId} className="visually-hidden">
          {s.unsupported}
        </span>
      )}
      {shown && saved !== null && (
        <div role="status" className="export-result">
          <p>{s.saved(saved.path)}</p>
          {saved.warnings.length > 0 && (
            <ul aria-label={s.warnings}>
              {saved.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {shown && exporting.failure !== null && (
        <p role="alert" className="export-result">
          {exporting.failure}
        </p>
      )}
    </>
  );
}
