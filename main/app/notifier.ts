import { Notification } from 'electron';
import type { NotificationText } from '../desktop/surface-types';

/** Shows one desktop notification; a click runs onClick (the shell opens the editor). */
export function showNotification(text: NotificationText, icon: string, onClick: () => void): void {
  // Without a notification daemon there is nobody to tell; the tray icon still shows the state.
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: text.title, body: text.body, icon });
  notification.on('click', onClick);
  notification.show();
}
