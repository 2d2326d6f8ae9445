import { useStore } from '../store/context';
import { strings } from '../strings';
import { WarningIcon } from './Icons';

/** Shown while NetworkManager is gone from the bus; it goes when NetworkManager is back. */
export function NmBanner() {
  const running = useStore((s) => s.nmRunning);
  if (running) return null;
  return (
    <div role="alert" className="nm-banner">
      <WarningIcon />
      <div>
        <strong>{strings.nm.notRunningTitle}</strong>
        <p>{strings.nm.notRunningBody}</p>
      </div>
    </div>
  );
}
