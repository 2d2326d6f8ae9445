import { defineStrings } from '../i18n/define';

/** The harness's /tray page around the tray model (which speaks for itself): `harness.tray.`. */
const english = {
  title: 'Tunnelbar tray (harness)',
  heading: 'Tray',
  /** The icon button's name, before its tooltip: "Tray icon: Tunnelbar: Office connected". */
  icon: 'Tray icon',
  menu: 'Tray menu',
  notifications: 'Notifications',
  windows: 'Windows to open',
};

export const trayStrings = defineStrings('harness.tray', english);
