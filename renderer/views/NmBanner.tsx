import { useEffect, useState } from 'react';
import { useStore } from '../store/context';
import { strings } from '../strings';
import { WarningIcon } from './Icons';

/** How long "reconnected" stays: news, not a standing notice. */
const RECONNECTED_NOTE_MS = 5_000;

/**
 * Shown while NetworkManager is gone from the bus, or the system bus itself (main reconnects);
 * it goes when NetworkManager is back, after a short "reconnected" note when the bus was lost.
 */
export function NmBanner() {
  const running = useStore((s) => s.nmRunning);
  const busLink = useStore((s) => s.busLink);
  const [noteShown, setNoteShown] = useState(false);
  const reconnected = running && busLink === 'reconnected';
  useEffect(() => {
    if (!reconnected) return;
    setNoteShown(true);
    const timer = setTimeout(() => {
      setNoteShown(false);
    }, RECONNECTED_NOTE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [reconnected]);
  if (running) {
    if (!reconnected || !noteShown) return null;
    return (
      <div role="status" className="nm-banner">
        <p>{strings.nm.reconnected}</p>
      </div>
    );
  }
  const lost = busLink === 'lost';
  return (
    <div role="alert" className="nm-banner">
      <WarningIcon />
      <div>
        <strong>{lost ? strings.nm.busLostTitle : strings.nm.notRunningTitle}</strong>
        <p>{lost ? strings.nm.busLostBody : strings.nm.notRunningBody}</p>
      </div>
    </div>
  );
}
