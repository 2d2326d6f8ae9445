import { strings } from '../strings';
import { SettingToggle } from './SettingToggle';

/** "Start Tunnelbar when I log in": main writes or removes the XDG autostart entry. */
export function AutostartToggle() {
  return (
    <SettingToggle
      setting="autostart"
      label={strings.autostart.label}
      failed={strings.autostart.failed}
    />
  );
}

/** "Reconnect when a VPN drops": the reconnect policy's app-wide setting (issue 12). */
export function ReconnectToggle() {
  return (
    <SettingToggle
      setting="reconnect"
      label={strings.reconnect.label}
      failed={strings.reconnect.failed}
    />
  );
}
