import { useEffect, useRef, useState } from 'react';
import type { Route } from '../../preload/routes';
import { PromptHost } from '../prompt/PromptHost';
import { StatusPanel } from '../status/StatusPanel';
import { useStore } from '../store/context';
import { strings } from '../strings';
import { NmBanner } from './NmBanner';
import { ProfileList } from './ProfileList';

/** The main window: NetworkManager's banner, the profile list, the selected profile's status. */
export function App({ route }: { route: Route }) {
  const phase = useStore((s) => s.phase);
  const loadFailure = useStore((s) => s.loadFailure);
  const [selected, setSelected] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (route.kind === 'search' && phase === 'ready') searchRef.current?.focus();
  }, [route, phase]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.key !== 'f') return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  return (
    <div className="app">
      <NmBanner />
      {phase === 'loading' && (
        <p className="muted centre" role="status">
          {strings.loading}
        </p>
      )}
      {phase === 'failed' && (
        <p className="centre" role="alert">
          {strings.loadFailed(loadFailure?.sentence ?? '')}
        </p>
      )}
      {phase === 'ready' && (
        <main className="panes">
          <ProfileList selected={selected} onSelect={setSelected} searchRef={searchRef} />
          <StatusPanel uuid={selected} />
        </main>
      )}
      <PromptHost />
    </div>
  );
}
