import { useEffect, useId, useState } from 'react';
import type { ProfileEdit } from '../../preload/editor';
import { toCallFailure } from '../api';
import { useContractCall } from '../hooks/contract-call';
import { useStoreInstance } from '../store/context';
import { strings, vpnTypeLabel } from '../strings';
import { blankEdit, OPENVPN_SERVICE, pageOfField, type NewKind, type PageId } from './blank';
import { EditorPage } from './EditorPage';
import { OPENVPN_PAGES } from './openvpn-pages';
import { editOf, formOf, type Form } from './form';
import { useBaseConnections } from './use-base-connections';
import { validate } from './validate';

const s = strings.editor;

/** What the editor works on: an existing profile, or a new one of a chosen type. */
export type EditorTarget = { mode: 'edit'; uuid: string } | { mode: 'create'; kind: NewKind };

type Load =
  | { kind: 'loading' }
  | { kind: 'failed'; sentence: string }
  | { kind: 'ready'; base: ProfileEdit | null; publicKey: string | null };

function isOpenVpn(edit: ProfileEdit): boolean {
  return edit.vpn.kind === 'plugin' && edit.vpn.serviceType === OPENVPN_SERVICE;
}

function vpnPageName(edit: ProfileEdit): string {
  if (edit.vpn.kind === 'wireguard') return vpnTypeLabel('wireguard');
  if (edit.vpn.serviceType === OPENVPN_SERVICE) return vpnTypeLabel('openvpn');
  return vpnTypeLabel(edit.vpn.serviceType.split('.').pop() ?? s.vpnPage);
}

/**
 * The connection editor: General, the VPN type's page, IPv4 and IPv6. Save sends what the person
 * changed (main applies only the difference from the profile as it was read); Cancel drops it.
 * `onDone` gets the saved profile's uuid, or null when cancelled.
 */
export function Editor({
  target,
  onDone,
}: {
  target: EditorTarget;
  onDone: (uuid: string | null) => void;
}) {
  const store = useStoreInstance();
  const id = useId();
  const [load, setLoad] = useState<Load>(() =>
    target.mode === 'create' ? { kind: 'ready', base: null, publicKey: null } : { kind: 'loading' },
  );
  const [form, setForm] = useState<Form | null>(() =>
    target.mode === 'create' ? formOf(blankEdit(target.kind)) : null,
  );
  const [page, setPage] = useState<PageId>('general');
  const [attempted, setAttempted] = useState(false);
  const saving = useContractCall();
  const [bases, setBases] = useBaseConnections(target.mode === 'create');

  useEffect(() => {
    if (target.mode !== 'edit') return;
    let live = true;
    store.api.call('profile:get', { uuid: target.uuid }).then(
      (view) => {
        if (!live) return;
        setLoad({ kind: 'ready', base: view.edit, publicKey: view.publicKey });
        setBases({ kind: 'ready', list: view.baseConnections });
        setForm(formOf(view.edit));
      },
      (err: unknown) => {
        if (live) setLoad({ kind: 'failed', sentence: toCallFailure(err).sentence });
      },
    );
    return () => {
      live = false;
    };
  }, [store, target, setBases]);

  const cancel = (
    <button
      type="button"
      className="secondary"
      onClick={() => {
        onDone(null);
      }}
    >
      {s.cancel}
    </button>
  );
  if (load.kind === 'loading' || form === null) {
    return (
      <section className="editor" aria-label={s.loading}>
        {load.kind === 'loading' && (
          <p className="muted" role="status">
            {s.loading}
          </p>
        )}
        {load.kind === 'failed' && <p role="alert">{s.loadFailed(load.sentence)}</p>}
        <div className="buttons">{cancel}</div>
      </section>
    );
  }
  if (load.kind === 'failed') return null;

  const problems = validate(form);
  const shown = attempted ? problems : {};
  const title = load.base === null ? s.newTitle : s.title(load.base.name);
  const pages: { id: PageId; label: string }[] = [
    { id: 'general', label: s.general },
    { id: 'vpn', label: vpnPageName(form.edit) },
    ...(isOpenVpn(form.edit) ? OPENVPN_PAGES : []),
    { id: 'ipv4', label: strings.status.ipv4 },
    { id: 'ipv6', label: strings.status.ipv6 },
  ];

  const save = (): void => {
    saving.clearFailure();
    const first = Object.keys(problems)[0];
    if (first !== undefined) {
      setAttempted(true);
      setPage(pageOfField(first));
      return;
    }
    void saving.run(async () => {
      const edit = editOf(form);
      if (target.mode === 'edit' && load.base !== null) {
        await store.api.call('profile:save', { uuid: target.uuid, base: load.base, edit });
        onDone(target.uuid);
      } else {
        const { uuid } = await store.api.call('profile:create', { edit });
        onDone(uuid);
      }
    }, s.saveFailed);
  };

  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div role="tablist" aria-label={s.pages} className="edit-tabs">
        {pages.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            id={`${id}-tab-${p.id}`}
            aria-selected={page === p.id}
            aria-controls={`${id}-panel`}
            onClick={() => {
              setPage(p.id);
            }}
          >
            {p.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${page}`}
        className="edit-panel"
      >
        <EditorPage
          page={page}
          form={form}
          creating={load.base === null}
          publicKey={load.publicKey}
          bases={bases}
          problems={shown}
          onForm={setForm}
        />
      </div>
      {attempted && Object.keys(problems).length > 0 && (
        <p role="alert" className="edit-summary">
          {s.fixFields}
        </p>
      )}
      {saving.failure !== null && (
        <p role="alert" className="edit-summary">
          {saving.failure}
        </p>
      )}
      <div className="buttons">
        {cancel}
        <button type="button" className="primary" disabled={saving.busy} onClick={save}>
          {saving.busy ? s.saving : s.save}
        </button>
      </div>
    </section>
  );
}
