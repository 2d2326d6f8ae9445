import type { ContractEvent } from '../../preload/mirror';
import type { Route } from '../../preload/routes';
import type { NotificationText, TrayModel } from './surface-types';

/**
 * A window as its platform names it: Electron's webContents id, the harness's connection number.
 */
export type WindowId = number;

/**
 * What the app core (AppCore) asks of the desktop it runs on. Two adapters implement it: Electron
 * (main/app/) and the browser harness (main/harness/). The core decides; these carry out, and
 * report back what the person did (AppCore's windowOpened, windowClosed, trayClicked, ...).
 */
export interface DesktopPlatform {
  /**
   * Opens a new window at `route`. Returns its id when it exists at once (Electron); null when it
   * appears later (a harness page), reported then with AppCore.windowOpened.
   */
  openWindow(route: Route): WindowId | null;
  /** Brings an open window forward, moving it to `route` first when one is given. */
  showWindow(id: WindowId, route: Route | null): void;
  /** Closes a window; the platform reports windowClosed afterwards. */
  closeWindow(id: WindowId): void;
  /** Delivers one contract event to one window's page. */
  send(id: WindowId, event: ContractEvent): void;
  /** Draws the tray; called only when the model changed. */
  setTray(model: TrayModel): void;
  /** Shows a desktop notification; a click on it is reported with notificationClicked. */
  notify(text: NotificationText): void;
  /**
   * Asks where to save an exported profile (null: the person cancelled). Absent where nobody can
   * be asked: export is then refused.
   */
  chooseExportPath?: (suggestedName: string) => Promise<string | null>;
  /** Ends the app (the tray's Quit); the platform then closes the app core. */
  quit(): void;
}
