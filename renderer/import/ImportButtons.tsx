import { useRef, type ChangeEvent } from 'react';
import { strings } from '../strings';
import { pickedFromList } from './read-files';
import { useImportContext } from './use-import';

const s = strings.importView;

/**
 * "Import…" (profile files) and "Import folder…" (a whole folder, certificates included), each a
 * button in front of a hidden file input. Shown only where the window's importer is.
 */
export function ImportButtons() {
  const importer = useImportContext();
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  if (importer === null) return null;
  const onPicked = (event: ChangeEvent<HTMLInputElement>): void => {
    const list = event.target.files;
    if (list !== null) importer.start(pickedFromList(list));
    // The same file picked again later must fire `change` again.
    event.target.value = '';
  };
  return (
    <div className="import-buttons">
      <button
        type="button"
        className="secondary"
        disabled={importer.busy}
        onClick={() => filesRef.current?.click()}
      >
        {s.pickFiles}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={importer.busy}
        onClick={() => folderRef.current?.click()}
      >
        {s.pickFolder}
      </button>
      <input
        ref={filesRef}
        type="file"
        multiple
        accept=".ovpn,.conf"
        hidden
        aria-label={s.filesInput}
        onChange={onPicked}
      />
      <input
        ref={folderRef}
        type="file"
        // React knows no webkitdirectory prop; the attribute is what Chromium reads.
        {...{ webkitdirectory: '' }}
        hidden
        aria-label={s.folderInput}
        onChange={onPicked}
      />
    </div>
  );
}
