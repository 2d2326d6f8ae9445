/**
 * What the app core hands its platform to show outside windows: the tray and notifications, as
 * plain data. Types only, with no imports, so the harness's browser pages can use them too.
 */

/** 'blocked': lockdown is on and no VPN is up, so nothing gets out (the idle icon with a lock). */
export type TrayIconState =
  'nm-down' | 'disconnected' | 'blocked' | 'connecting' | 'connected' | 'reconnecting' | 'failed';

/** The tray menu as plain data; a platform turns it into its own menu and reports the choice. */
export type TrayMenuEntry =
  | {
      kind: 'vpn';
      uuid: string;
      label: string;
      checked: boolean;
      enabled: boolean;
      action: 'connect' | 'disconnect';
    }
  | { kind: 'info'; label: string }
  | { kind: 'more'; label: string }
  /** Lockdown (kill switch): ticked while on; choosing it asks for the other state. */
  | { kind: 'lockdown'; label: string; checked: boolean }
  /** Lockdown's "allow the local network" (only while lockdown is on): ticked while allowed. */
  | { kind: 'lockdown-lan'; label: string; checked: boolean }
  | { kind: 'editor'; label: string }
  | { kind: 'quit'; label: string }
  | { kind: 'separator' };

/** Everything the tray shows; `frame` is the connecting animation's step. */
export interface TrayModel {
  icon: TrayIconState;
  frame: number;
  tooltip: string;
  menu: TrayMenuEntry[];
}

export interface NotificationText {
  title: string;
  body: string;
}
