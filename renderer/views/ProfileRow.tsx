import { memo } from 'react';
import type { ProfileView } from '../../preload/contract';
import { useStore, useStoreInstance } from '../store/context';
import { strings, vpnTypeLabel } from '../strings';
import {
  DISCONNECTED,
  isOnOrComingUp,
  stateLabel,
  stateTone,
  tunnelAddress,
} from '../tunnel-state';
import { StarIcon } from './Icons';

export interface ProfileRowProps {
  profile: ProfileView;
  index: number;
  start: number;
  size: number;
  selected: boolean;
  /** The row whose controls are in the Tab order (roving tabindex: one row at a time). */
  tabbable: boolean;
  onSelect: (uuid: string) => void;
  /** Whether its checkbox (for bulk actions) is checked. */
  checked: boolean;
  /** The checkbox was clicked; `shift` asks for the range from the last one clicked. */
  onCheck: (uuid: string, on: boolean, shift: boolean) => void;
}

/**
 * One profile: its checkbox for bulk actions, its switch (named by the profile, on while up or
 * coming up), name, state and address, and favourite star. Subscribes to its own tunnel only, so
 * a state change re-renders one row.
 */
export const ProfileRow = memo(function ProfileRow(props: ProfileRowProps) {
  const { profile, index, start, size, selected, tabbable, onSelect, checked, onCheck } = props;
  const store = useStoreInstance();
  const tunnel = useStore((s) => s.tunnels[profile.uuid]) ?? DISCONNECTED;
  const busy = useStore((s) => s.busy.has(profile.uuid));
  const on = isOnOrComingUp(tunnel);
  const detailId = `profile-${profile.uuid}-detail`;
  const where = tunnelAddress(tunnel) ?? profile.remote ?? strings.list.noRemote;
  const select = (): void => {
    onSelect(profile.uuid);
  };
  return (
    <div
      role="listitem"
      className={selected ? 'row selected' : 'row'}
      data-index={index}
      aria-current={selected ? 'true' : undefined}
      style={{ transform: `translateY(${start}px)`, height: size }}
      onClick={select}
    >
      <input
        type="checkbox"
        className="row-check"
        checked={checked}
        aria-label={strings.list.select(profile.id)}
        tabIndex={tabbable ? 0 : -1}
        onClick={(event) => {
          // Checking is not choosing the profile whose status is shown.
          event.stopPropagation();
        }}
        onChange={(event) => {
          // React drives a checkbox's change from the click, whose shift key makes a range.
          const native = event.nativeEvent;
          const shift = native instanceof MouseEvent && native.shiftKey;
          onCheck(profile.uuid, event.target.checked, shift);
        }}
      />
      <button
        type="button"
        role="switch"
        className="switch"
        aria-checked={on}
        aria-label={profile.id}
        aria-describedby={detailId}
        aria-busy={busy}
        tabIndex={tabbable ? 0 : -1}
        onFocus={select}
        onClick={() => {
          void store.toggle(profile.uuid);
        }}
      >
        <span className="knob" />
      </button>
      <div className="row-text">
        <span className="row-name">
          <span className="row-title">{profile.id}</span>
          <span className="type-pill">{vpnTypeLabel(profile.vpnType)}</span>
        </span>
        <span id={detailId} className="row-detail">
          <span className={`tone-${stateTone(tunnel)}`}>{stateLabel(tunnel)}</span>
          {' · '}
          {where}
        </span>
      </div>
      <button
        type="button"
        className="star"
        aria-pressed={profile.favourite}
        aria-label={strings.list.favourite(profile.id)}
        tabIndex={tabbable ? 0 : -1}
        onClick={() => {
          void store.setFavourite(profile.uuid, !profile.favourite);
        }}
      >
        <StarIcon filled={profile.favourite} />
      </button>
    </div>
  );
});
