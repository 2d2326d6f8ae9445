import { useEffect, useRef, useState } from 'react';
import type { Route } from '../../preload/routes';
import { useDropTarget } from '../import/drop-target';
import { ImportView } from '../import/ImportView';
import { ImportContext, useImporter } from '../import/use-import';
import { PromptHost } from '../prompt/PromptHost';
import { StatusPanel } from '../status/StatusPanel';
import { useStore, useStoreInstance } from '../store/context';
import { strings } from '../strings';
import { Editor, type EditorTarget } from '../editor/Editor';
import { NewProfile } from '../editor/NewProfile';
import { ProfileActions } from '../editor/ProfileActions';
import { NmBanner } from './NmBanner';
import { ProfileList } from './ProfileList';

/**
 * The main window: NetworkManager's banner, the profile list, the selected profile's status. The
 * whole window takes dropped files and folders to import.
 */
export function App({ route }: { route: Route }) {
  const store = useStoreInstance();
  const importer = useImporter(store.api);
  const drop = useDropTarget(importer.start);
  const phase = useStore((s) => s.phase);
  const loadFailure = useStore((s) => s.loadFailure);
  const [selected, setSelected] = useState<string | null>(null);
  // The connection editor replaces the panes while open: choosing a new profile's type, or editing.
  const [editing, setEditing] = useState<EditorTarget | 'choose' | null>(null);
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
    <ImportContext.Provider value={importer}>
      {/* The whole window is its main content (list, status, editor alike), so every part is in a
          landmark; the h1 names the window for screen readers' heading navigation. */}
      <main className="app" {...drop.handlers}>
        <h1 className="visually-hidden">{strings.appTitle}</h1>
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
        {phase === 'ready' && editing === 'choose' && (
          <NewProfile
            onChoose={(kind) => {
              setEditing(kind === null ? null : { mode: 'create', kind });
            }}
          />
        )}
        {phase === 'ready' && editing !== null && editing !== 'choose' && (
          <Editor
            target={editing}
            onDone={(uuid) => {
              setEditing(null);
              if (uuid !== null) setSelected(uuid);
            }}
          />
        )}
        {phase === 'ready' && editing === null && (
          <>
            <ProfileActions
              selected={selected}
              onAdd={() => {
                setEditing('choose');
              }}
              onEdit={(uuid) => {
                setEditing({ mode: 'edit', uuid });
              }}
              onDeleted={() => {
                setSelected(null);
              }}
            />
            <div className="panes">
              <ProfileList selected={selected} onSelect={setSelected} searchRef={searchRef} />
              <StatusPanel uuid={selected} />
            </div>
          </>
        )}
        <PromptHost />
        <ImportView state={importer.state} onStop={importer.stop} onClose={importer.close} />
        {drop.dragging && (
          <div className="drop-overlay" aria-hidden="true">
            <p>{strings.importView.dropHint}</p>
          </div>
        )}
      </main>
    </ImportContext.Provider>
  );
}
