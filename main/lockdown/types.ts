export type {
  LockdownView as LockdownStatus,
  ServerAddressesView as ServerAddresses,
} from '../../preload/privacy-types';
