import type { SnapshotView } from '../../preload/contract';
import type { LanChoice } from '../../preload/privacy-types';
import { TrayAnimation, type Clock } from './tray-animation';
import { trayClickAction } from './tray-click';
import type { TrayMenuEntry, TrayModel } from './surface-types';
import { trayIconState, trayTooltip } from './tray-icon';
import { trayMenu } from './tray-menu';

export interface TrayActions {
  connect(uuid: string): void;
  disconnect(uuid: string): void;
  openEditor(): void;
  openSearch(): void;
  quit(): void;
  /** Lockdown on or off; the tray follows when NetworkManager has done it. */
  setLockdown(on: boolean): void;
  /** Lockdown (on) allows or blocks the local network; the tray follows its profile. */
  setLockdownLan(lan: LanChoice): void;
}

/**
 * The tray's decisions: its model drawn from the mirrored state on every change (handed to the
 * platform only when it differs), the animation's timer while something is on its way, and what
 * a click on the icon or a menu entry does.
 */
export class TrayPresenter {
  private state: SnapshotView;
  private readonly animation: TrayAnimation;
  private last = '';

  constructor(
    initial: SnapshotView,
    private readonly draw: (model: TrayModel) => void,
    private readonly actions: TrayActions,
    clock: Clock,
    reducedMotion: () => boolean = () => false,
  ) {
    this.state = initial;
    this.animation = new TrayAnimation(
      () => {
        this.drawIfChanged();
      },
      clock,
      reducedMotion,
    );
    this.render(initial);
  }

  render(state: SnapshotView): void {
    this.state = state;
    this.animation.update(trayIconState(state));
    this.drawIfChanged();
  }

  model(): TrayModel {
    return {
      icon: trayIconState(this.state),
      frame: this.animation.frame,
      tooltip: trayTooltip(this.state),
      menu: trayMenu(this.state),
    };
  }

  /** A click on the icon itself. */
  click(): void {
    const action = trayClickAction(this.state);
    switch (action.kind) {
      case 'connect':
        this.actions.connect(action.uuid);
        return;
      case 'disconnect':
        for (const uuid of action.uuids) this.actions.disconnect(uuid);
        return;
      case 'open-editor':
        this.actions.openEditor();
        return;
    }
  }

  /** An entry of the menu the platform was last given. */
  choose(entry: TrayMenuEntry): void {
    switch (entry.kind) {
      case 'vpn':
        if (entry.action === 'connect') this.actions.connect(entry.uuid);
        else this.actions.disconnect(entry.uuid);
        return;
      case 'more':
        this.actions.openSearch();
        return;
      case 'editor':
        this.actions.openEditor();
        return;
      case 'quit':
        this.actions.quit();
        return;
      case 'lockdown':
        this.actions.setLockdown(!entry.checked);
        return;
      case 'lockdown-lan':
        this.actions.setLockdownLan(entry.checked ? 'block' : 'allow');
        return;
      case 'info':
      case 'separator':
        return;
    }
  }

  stop(): void {
    this.animation.stop();
  }

  private drawIfChanged(): void {
    const model = this.model();
    const key = JSON.stringify(model);
    if (key === this.last) return;
    this.last = key;
    this.draw(model);
  }
}
