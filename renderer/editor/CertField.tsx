import { useEffect, useRef, useState } from 'react';
import type { CertInfoView } from '../../preload/library';
import { toCallFailure } from '../api';
import { useContractCall } from '../hooks/contract-call';
import { carriesFiles } from '../import/drop-target';
import { useStoreInstance } from '../store/context';
import { strings } from '../strings';
import { certInfoLine } from './cert-info';
import { TextField } from './fields';
import { fileBase64 } from './file-base64';

const s = strings.ovpn;

/** Main refuses larger files too; checking here spares sending them. */
const MAX_FILE_BYTES = 1024 * 1024;
/** Typing a path asks main about it once the typing pauses. */
const INSPECT_DELAY_MS = 300;

type Inspected = { path: string; info: CertInfoView } | null;

/** cert:inspect's answer for `path`, asked after a pause; `known` answers without asking. */
function useCertInfo(path: string, known: Map<string, CertInfoView>): Inspected {
  const store = useStoreInstance();
  const [inspected, setInspected] = useState<Inspected>(null);
  useEffect(() => {
    if (!path.startsWith('/')) return;
    const cached = known.get(path);
    if (cached !== undefined) {
      setInspected({ path, info: cached });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      store.api.call('cert:inspect', { path }).then(
        (info) => {
          if (live) setInspected({ path, info });
        },
        (err: unknown) => {
          if (live) setInspected({ path, info: unreadable(toCallFailure(err).sentence) });
        },
      );
    }, INSPECT_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [store, path, known]);
  return inspected?.path === path ? inspected : null;
}

function unreadable(sentence: string): CertInfoView {
  return { kind: 'unreadable', sentence };
}

/**
 * A certificate or key file: its path as text, a Choose… button (a hidden file input) and drop of a
 * file onto the field. A chosen or dropped file is kept by main (cert:store) and its path set; the
 * line under the field says what the file at the path holds.
 */
export function CertField(props: {
  label: string;
  value: string;
  problem?: string | undefined;
  placeholder?: string;
  onChange: (path: string) => void;
}) {
  const { label, value, onChange } = props;
  const store = useStoreInstance();
  const picker = useRef<HTMLInputElement>(null);
  const [known] = useState(() => new Map<string, CertInfoView>());
  const storing = useContractCall();
  const { failure } = storing;
  const inspected = useCertInfo(value, known);

  const take = (file: File): void => {
    if (file.size > MAX_FILE_BYTES) {
      storing.showFailure(s.storeFailed(s.tooLarge(file.name)));
      return;
    }
    void storing.run(async () => {
      const base64 = await fileBase64(file);
      const stored = await store.api.call('cert:store', { name: file.name, base64 });
      known.set(stored.path, stored.info);
      onChange(stored.path);
    }, s.storeFailed);
  };

  const line = inspected === null ? null : certInfoLine(inspected.info, Date.now());
  const hint = failure ?? (storing.busy ? s.storing : line?.text);
  const warn = failure !== null || line?.warn === true;
  return (
    <div
      className="cert-field"
      data-warn={warn ? 'true' : undefined}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        // Ours, not the window's import drop.
        event.preventDefault();
        event.stopPropagation();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={(event) => {
        const file = event.dataTransfer.files[0];
        if (file === undefined) return;
        event.preventDefault();
        event.stopPropagation();
        take(file);
      }}
    >
      <TextField
        label={label}
        value={value}
        hint={hint}
        placeholder={props.placeholder}
        problem={props.problem}
        onChange={(path) => {
          storing.clearFailure();
          onChange(path);
        }}
      />
      <button
        type="button"
        className="secondary cert-choose"
        aria-label={s.chooseFor(label)}
        disabled={storing.busy}
        onClick={() => {
          picker.current?.click();
        }}
      >
        {s.choose}
      </button>
      <input
        ref={picker}
        type="file"
        hidden
        tabIndex={-1}
        aria-label={s.fileFor(label)}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Choosing the same file again must fire again.
          event.target.value = '';
          if (file !== undefined) take(file);
        }}
      />
    </div>
  );
}
