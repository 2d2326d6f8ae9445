export type {
  LanChoice,
  LockdownView as LockdownStatus,
  ServerAddressesView as ServerAddresses,
} from '../../preload/privacy-types';
