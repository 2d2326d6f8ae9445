import { z } from 'zod';
import { boundedRecord } from './bounded-record';
import type { DnsView, LanChoice, LockdownView } from './privacy-types';
import { profileEditSchema, type BaseConnectionView, type ProfileEditView } from './editor';
import {
  bulkArgsSchema,
  certInspectArgsSchema,
  certStoreArgsSchema,
  importFilesArgsSchema,
  type BulkResultView,
  type CertInfoView,
  type ExportResultView,
  type ImportReportView,
} from './library';

/**
 * The one contract between main and renderer: every call (renderer → main, answered) and every
 * event (main → renderer), with the plain types that cross it. Main validates each call's
 * payload with these schemas before anything reaches NetworkManager; the preload exposes exactly
 * these channels; the harness bridges the same channels over a WebSocket.
 *
 * The types here are plain data: no Variants, no Buffers, never a stored secret.
 */

// ---- plain types ----

export type {
  ConnectingStage,
  ReconnectWait,
  IpConfigView,
  ReasonView,
  RouteView,
  TunnelStateView,
} from './tunnel-types';
import type { TunnelStateView } from './tunnel-types';

export interface ProfileView {
  uuid: string;
  id: string;
  /** `openvpn`, `wireguard`, or the plugin's short name. */
  vpnType: string;
  /** The first gateway (OpenVPN remote, WireGuard endpoint, plugin gateway), for search and display. */
  remote: string | null;
  favourite: boolean;
  /** When this profile was last connected through Tunnelbar (ms since epoch), for "recent". */
  lastUsed: number | null;
  /** "Reconnect when the connection drops" for this profile; null follows the app's setting. */
  reconnect: boolean | null;
  /**
   * A secret is kept per user (preload/boot-safety.ts): started with nobody logged in (at boot,
   * with a base connection), it fails with no-secrets. The status says so.
   */
  secretsPerUser: boolean;
}

export interface SnapshotView {
  nmRunning: boolean;
  profiles: ProfileView[];
  tunnels: Record<string, TunnelStateView>;
  /** Requests for secrets waiting for an answer, so a window opened late shows them too. */
  prompts: PromptView[];
  /**
   * Lockdown (kill switch): whether its NetworkManager profile exists. The app core watches it;
   * the contract server alone does not, so its own snapshot says 'unknown' (as it is while
   * NetworkManager is not running or could not be read).
   */
  lockdown: LockdownStateView;
  /** Lockdown's local network choice (its profile keeps it); null while off or unknown. */
  lockdownLan: LanChoice | null;
}

export type LockdownStateView = 'on' | 'off' | 'unknown';

export interface SecretFieldView {
  key: string;
  label: string;
  secret: boolean;
  initial?: string;
  /** A choice (an OpenConnect group or token): the answer is one of these labels. */
  options?: string[];
}

export interface CertificateView {
  host: string;
  reason: string;
  /** `pin-sha256:<base64>` of the server's public key. */
  fingerprint: string;
}

export interface PromptView {
  id: string;
  connectionUuid: string;
  connectionId: string;
  vpnType: string;
  title: string;
  message: string;
  /** `certificate`: accept (empty answer) or refuse (cancel); `browser`: waiting, cancel only. */
  reason: 'initial' | 'rejected' | 'challenge' | 'certificate' | 'browser';
  fields: SecretFieldView[];
  canSave: boolean;
  /** "Save password" starts ticked (the saved password was just rejected). */
  saveChecked?: boolean;
  certificate?: CertificateView;
}

// ---- calls: renderer → main ----

const uuid = z.string().regex(/^[0-9a-fA-F-]{1,64}$/, 'not a UUID');
const requestId = z.string().min(1).max(64);
/** A prompt asks for a handful of fields (user name, password, key password, a code). */
const MAX_PROMPT_VALUES = 32;

export const callSchemas = {
  /** Everything the renderer needs to draw itself; afterwards events keep it current. */
  'state:snapshot': z.tuple([]),
  'tunnel:connect': z.tuple([z.object({ uuid })]),
  'tunnel:disconnect': z.tuple([z.object({ uuid })]),
  'profile:set-favourite': z.tuple([z.object({ uuid, favourite: z.boolean() })]),
  /** The recent log lines of the VPN plugin, for the diagnostics view of a failed tunnel. */
  'tunnel:diagnostics': z.tuple([z.object({ uuid })]),
  'prompt:answer': z.tuple([
    z.object({
      requestId,
      values: boundedRecord(z.string().max(256), z.string().max(65_536), MAX_PROMPT_VALUES),
      save: z.boolean(),
    }),
  ]),
  'prompt:cancel': z.tuple([z.object({ requestId })]),
  'settings:get': z.tuple([]),
  /** Changes the settings given (at least one), leaves the others. */
  'settings:set': z.tuple([
    z
      .object({ autostart: z.boolean().optional(), reconnect: z.boolean().optional() })
      .refine((s) => s.autostart !== undefined || s.reconnect !== undefined, 'no setting given'),
  ]),
  /** The profile's own "Reconnect when the connection drops"; null: follow the app's setting. */
  'profile:set-reconnect': z.tuple([z.object({ uuid, reconnect: z.boolean().nullable() })]),
  /** The connection editor (preload/editor.ts): the editable view of one profile. */
  'profile:get': z.tuple([z.object({ uuid })]),
  /** Changes what differs between `base` (as profile:get gave it) and `edit`; nothing else. */
  'profile:save': z.tuple([z.object({ uuid, base: profileEditSchema, edit: profileEditSchema })]),
  'profile:create': z.tuple([z.object({ edit: profileEditSchema })]),
  'profile:delete': z.tuple([z.object({ uuid })]),
  /** What a new profile's "Connect this VPN automatically with" offers (profile:get has it too). */
  'profile:base-connections': z.tuple([]),
  /** The library (preload/library.ts): one action over a selection of profiles. */
  'profiles:bulk': z.tuple([bulkArgsSchema]),
  /** Imports picked or dropped files (with the certificates beside them); progress as events. */
  'profiles:import-files': z.tuple([importFilesArgsSchema]),
  /** Stops the imports under way: files already started finish, the rest are reported skipped. */
  'profiles:import-stop': z.tuple([]),
  /** Main asks where to save (a dialog in Electron) and writes the .ovpn or wg-quick file. */
  'profile:export': z.tuple([z.object({ uuid })]),
  /** Keeps a picked or dropped certificate/key file where the plugin reads them; its path. */
  'cert:store': z.tuple([certStoreArgsSchema]),
  /** What a certificate or key file holds (subject, expiry), for the field showing its path. */
  'cert:inspect': z.tuple([certInspectArgsSchema]),
  /**
   * Lockdown (kill switch): its state and the VPN servers it resolved; on/off waits until done.
   * `lan` (with `on` only) allows or blocks the local network; without it, lockdown that is on
   * keeps its choice and lockdown turned on allows it.
   */
  'lockdown:get': z.tuple([]),
  'lockdown:set': z.tuple([
    z
      .object({ on: z.boolean(), lan: z.enum(['allow', 'block']).optional() })
      .refine((a) => a.on || a.lan === undefined, 'lan goes with on: true'),
  ]),
  /** NetworkManager's DNS configuration now, with leaks past full-tunnel VPNs. */
  'dns:get': z.tuple([]),
  /** The leak's one-click fix: all DNS through this VPN, which then reconnects. */
  'dns:fix': z.tuple([z.object({ uuid })]),
  /** A profile's DNS routing (preload/privacy-types.ts); used when it next connects. */
  'profile:set-dns': z.tuple([
    z.object({ uuid, routing: z.enum(['profile', 'all-through-vpn', 'own-domains']) }),
  ]),
} as const;

export type CallName = keyof typeof callSchemas;
export type CallArgs<C extends CallName> = z.infer<(typeof callSchemas)[C]>;

export interface SettingsView {
  autostart: boolean;
  /** "Reconnect when a VPN drops", for every profile without its own choice. */
  reconnect: boolean;
}

export interface CallResults {
  'state:snapshot': SnapshotView;
  'tunnel:connect': null;
  'tunnel:disconnect': null;
  'profile:set-favourite': null;
  'profile:set-reconnect': null;
  'tunnel:diagnostics': { lines: string[] };
  'prompt:answer': null;
  'prompt:cancel': null;
  'settings:get': SettingsView;
  'settings:set': SettingsView;
  'profile:get': ProfileEditView;
  'profile:save': null;
  'profile:create': { uuid: string };
  'profile:delete': null;
  'profile:base-connections': BaseConnectionView[];
  'profiles:bulk': BulkResultView;
  'profiles:import-files': ImportReportView;
  'profiles:import-stop': null;
  'profile:export': ExportResultView | null;
  'cert:store': { path: string; info: CertInfoView };
  'cert:inspect': CertInfoView;
  'lockdown:get': LockdownView;
  'lockdown:set': LockdownView;
  'dns:get': DnsView;
  'dns:fix': DnsView;
  'profile:set-dns': null;
}

/** What a call rejects with: a word for code, a sentence for people. */
export interface CallFailure {
  word: string;
  sentence: string;
}

// ---- events: main → renderer ----

export interface EventPayloads {
  /**
   * `bus`: why, when it is the system bus itself: 'lost' (gone, main is reconnecting) or
   * 'reconnected' (back; `running` says whether NetworkManager is there too).
   */
  'state:nm': { running: boolean; bus?: 'lost' | 'reconnected' };
  'state:profiles': { profiles: ProfileView[] };
  'state:tunnel': { uuid: string; state: TunnelStateView };
  'prompt:open': PromptView;
  'prompt:close': { requestId: string };
  /** During profiles:import-files: files reported so far, of how many. */
  'import:progress': { done: number; total: number };
  /** Lockdown was turned on or off (by the app, the CLI or anyone else), or became (un)known. */
  'state:lockdown': { lockdown: LockdownStateView; lan: LanChoice | null };
}

export type EventName = keyof EventPayloads;

export const CALL_NAMES = Object.keys(callSchemas) as CallName[];
export const EVENT_NAMES: readonly EventName[] = [
  'state:nm',
  'state:profiles',
  'state:tunnel',
  'prompt:open',
  'prompt:close',
  'import:progress',
  'state:lockdown',
];

/** The API the preload puts on `window.tunnelbar`, and the harness's client provides too. */
export interface TunnelbarApi {
  call<C extends CallName>(name: C, ...args: CallArgs<C>): Promise<CallResults[C]>;
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void): () => void;
}
