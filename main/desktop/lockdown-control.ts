import type { LockdownStateView } from '../../preload/contract';
import type { LanChoice, LockdownView } from '../../preload/privacy-types';
import { callServer, failureOf, type CallHandler } from './call-dispatch';
import { LockdownWatch, type LockdownWatchOptions } from './lockdown-watch';
import { ServerRouteKeeper } from './server-route-keeper';
import { strings } from './strings';
import type { NotificationText } from './surface-types';
import type { Lookup } from '../lockdown/resolve';

export interface LockdownControlOptions {
  bus: LockdownWatchOptions['bus'];
  model: LockdownWatchOptions['model'];
  server: CallHandler;
  /** Lockdown's state or local network choice changed: into the mirror, the tray and the windows. */
  publish: (state: LockdownStateView, lan: LanChoice | null) => void;
  notify: (text: NotificationText) => void;
  onWarning?: (text: string) => void;
  /** How server names are resolved (the system resolver unless a test says otherwise). */
  lookup?: Lookup;
}

/** Profiles whose servers could not be resolved, once each, by name. */
export function unresolvedNames(view: LockdownView): string[] {
  return [...new Set(view.servers.filter((s) => s.error !== null).map((s) => s.id))];
}

/** What the tray says after turning lockdown on: what it means, and who cannot connect now. */
export function lockdownOnNotification(view: LockdownView): NotificationText {
  const names = unresolvedNames(view);
  // The tray turns lockdown on with the default choice, which blocks the local network: say so.
  const sentences: string[] = [
    view.lan === 'block' ? strings.notify.lockdownOnBodyLan : strings.notify.lockdownOnBody,
  ];
  if (names.length > 0) sentences.push(strings.notify.lockdownUnresolved(names.join(', ')));
  // Without the dispatcher hook the block of the local network lapses (open) after a reconnect
  // until Tunnelbar runs again: the one part of lockdown that fails open, so it is said.
  if (view.lan === 'block' && !view.hook) sentences.push(strings.notify.lockdownNoHook);
  return { title: strings.notify.lockdownOnTitle, body: sentences.join(' ') };
}

/**
 * The app core's lockdown: its state, known at start, re-read after every change the app makes
 * (whatever the call answered, so the switch and the tray show what NetworkManager holds) and
 * followed through NetworkManager's signals for changes made elsewhere (LockdownWatch).
 */
export class LockdownControl {
  private readonly watch: LockdownWatch;
  private readonly routes: ServerRouteKeeper;

  constructor(private readonly opts: LockdownControlOptions) {
    this.routes = new ServerRouteKeeper({
      bus: opts.bus,
      model: opts.model,
      ...(opts.lookup === undefined ? {} : { lookup: opts.lookup }),
      unresolved: (names) => {
        opts.notify({
          title: strings.notify.lockdownUnresolvedTitle,
          body: strings.notify.lockdownUnresolved(names.join(', ')),
        });
      },
      failed: (sentence) => {
        opts.notify({ title: strings.notify.lockdownRoutesFailedTitle, body: sentence });
      },
    });
    this.watch = new LockdownWatch({
      bus: opts.bus,
      model: opts.model,
      changed: (state, lan) => {
        this.routes.lockdownChanged(state, lan);
        opts.publish(state, lan);
      },
      ...(opts.onWarning === undefined ? {} : { onWarning: opts.onWarning }),
    });
  }

  start(): Promise<void> {
    return this.watch.refresh();
  }

  /** After a window's lockdown call, succeeded or refused. */
  changed(): Promise<void> {
    return this.watch.refresh();
  }

  /** The tray's item: nothing to ask first; a notification says what it means, or why not. */
  set(on: boolean): void {
    callServer(this.opts.server, 'lockdown:set', { on })
      .then((view) => {
        if (on) this.opts.notify(lockdownOnNotification(view));
      })
      .catch((err: unknown) => {
        this.opts.notify({
          title: on ? strings.notify.lockdownOnFailedTitle : strings.notify.lockdownOffFailedTitle,
          body: failureOf(err).sentence,
        });
      })
      .finally(() => {
        void this.watch.refresh();
      });
  }

  /** The tray's "Allow the local network" (lockdown is on): the routes follow at once. */
  setLan(lan: LanChoice): void {
    callServer(this.opts.server, 'lockdown:set', { on: true, lan })
      .catch((err: unknown) => {
        this.opts.notify({
          title: strings.notify.lockdownLanFailedTitle,
          body: failureOf(err).sentence,
        });
      })
      .finally(() => {
        void this.watch.refresh();
      });
  }

  close(): void {
    this.routes.close();
    this.watch.close();
  }
}
