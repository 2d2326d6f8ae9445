import { z } from 'zod';
import { boundedRecord } from './bounded-record';
import { uuidSchema } from './uuid-schema';
import { answers, call, event, type PayloadOf, type ResultOf } from './contract-kit';
import type { DnsView, LanChoice, LockdownView } from './privacy-types';
import { profileEditSchema, type BaseConnectionView, type ProfileEditView } from './editor';
import {
  selectionActionArgsSchema,
  certInspectArgsSchema,
  certStoreArgsSchema,
  importFilesArgsSchema,
  type SelectionResultView,
  type CertInfoView,
  type ExportResultView,
  type ImportReportView,
} from './library';

/**
 * The one contract between main and renderer: every call (renderer → main, answered) and every
 * event (main → renderer) in one table (`contract` below), with the plain types that cross it.
 * Main validates each call's payload with the table's schemas before anything reaches
 * NetworkManager; the preload exposes exactly these channels; the harness bridges the same
 * channels over a WebSocket.
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
export type { CertificateView, PromptView, SecretFieldView } from './prompt-types';
import type { PromptView } from './prompt-types';

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

// ---- the table: every call (renderer → main) and every event (main → renderer) ----

const uuid = uuidSchema;
const requestId = z.string().min(1).max(64);
/** A prompt asks for a handful of fields (user name, password, key password, a code). */
const MAX_PROMPT_VALUES = 32;

export interface SettingsView {
  autostart: boolean;
  /** "Reconnect when a VPN drops", for every profile without its own choice. */
  reconnect: boolean;
}

/**
 * The one table of the contract. A call's entry is its argument schema and what it answers; an
 * event's entry is its payload. Everything else is derived from it: the names, the IPC channels
 * (preload/channels.ts), the handler map main must complete (main/contract/call-handlers.ts),
 * and the preload's list of names (put in at build time, vite.preload.config.mts).
 */
export const contract = {
  calls: {
    /** Everything the renderer needs to draw itself; afterwards events keep it current. */
    'state:snapshot': call(z.tuple([]), answers<SnapshotView>()),
    'tunnel:connect': call(z.tuple([z.object({ uuid })]), answers<null>()),
    'tunnel:disconnect': call(z.tuple([z.object({ uuid })]), answers<null>()),
    'profile:set-favourite': call(
      z.tuple([z.object({ uuid, favourite: z.boolean() })]),
      answers<null>(),
    ),
    /** The recent log lines of the VPN plugin, for the diagnostics view of a failed tunnel. */
    'tunnel:diagnostics': call(z.tuple([z.object({ uuid })]), answers<{ lines: string[] }>()),
    'prompt:answer': call(
      z.tuple([
        z.object({
          requestId,
          values: boundedRecord(z.string().max(256), z.string().max(65_536), MAX_PROMPT_VALUES),
          save: z.boolean(),
        }),
      ]),
      answers<null>(),
    ),
    'prompt:cancel': call(z.tuple([z.object({ requestId })]), answers<null>()),
    'settings:get': call(z.tuple([]), answers<SettingsView>()),
    /** Changes the settings given (at least one), leaves the others. */
    'settings:set': call(
      z.tuple([
        z
          .object({ autostart: z.boolean().optional(), reconnect: z.boolean().optional() })
          .refine(
            (s) => s.autostart !== undefined || s.reconnect !== undefined,
            'no setting given',
          ),
      ]),
      answers<SettingsView>(),
    ),
    /** The profile's own "Reconnect when the connection drops"; null: follow the app's setting. */
    'profile:set-reconnect': call(
      z.tuple([z.object({ uuid, reconnect: z.boolean().nullable() })]),
      answers<null>(),
    ),
    /** The connection editor (preload/editor.ts): the editable view of one profile. */
    'profile:get': call(z.tuple([z.object({ uuid })]), answers<ProfileEditView>()),
    /** Changes what differs between `base` (as profile:get gave it) and `edit`; nothing else. */
    'profile:save': call(
      z.tuple([z.object({ uuid, base: profileEditSchema, edit: profileEditSchema })]),
      answers<null>(),
    ),
    'profile:create': call(
      z.tuple([z.object({ edit: profileEditSchema })]),
      answers<{ uuid: string }>(),
    ),
    'profile:delete': call(z.tuple([z.object({ uuid })]), answers<null>()),
    /** What a new profile's "Connect this VPN automatically with" offers (profile:get has it too). */
    'profile:base-connections': call(z.tuple([]), answers<BaseConnectionView[]>()),
    /** The library (preload/library.ts): one action over a selection of profiles. */
    'profiles:selection-action': call(
      z.tuple([selectionActionArgsSchema]),
      answers<SelectionResultView>(),
    ),
    /** Imports picked or dropped files (with the certificates beside them); progress as events. */
    'profiles:import-files': call(z.tuple([importFilesArgsSchema]), answers<ImportReportView>()),
    /** Stops the imports under way: files already started finish, the rest are reported skipped. */
    'profiles:import-stop': call(z.tuple([]), answers<null>()),
    /** Main asks where to save (a dialog in Electron) and writes the .ovpn or wg-quick file. */
    'profile:export': call(z.tuple([z.object({ uuid })]), answers<ExportResultView | null>()),
    /** Keeps a picked or dropped certificate/key file where the plugin reads them; its path. */
    'cert:store': call(
      z.tuple([certStoreArgsSchema]),
      answers<{ path: string; info: CertInfoView }>(),
    ),
    /** What a certificate or key file holds (subject, expiry), for the field showing its path. */
    'cert:inspect': call(z.tuple([certInspectArgsSchema]), answers<CertInfoView>()),
    /** Lockdown (kill switch): its state and the VPN servers it resolved; on/off waits until done. */
    'lockdown:get': call(z.tuple([]), answers<LockdownView>()),
    /**
     * `lan` (with `on` only) allows or blocks the local network; without it, lockdown that is on
     * keeps its choice and lockdown turned on allows it.
     */
    'lockdown:set': call(
      z.tuple([
        z
          .object({ on: z.boolean(), lan: z.enum(['allow', 'block']).optional() })
          .refine((a) => a.on || a.lan === undefined, 'lan goes with on: true'),
      ]),
      answers<LockdownView>(),
    ),
    /** NetworkManager's DNS configuration now, with leaks past full-tunnel VPNs. */
    'dns:get': call(z.tuple([]), answers<DnsView>()),
    /** The leak's one-click fix: all DNS through this VPN, which then reconnects. */
    'dns:fix': call(z.tuple([z.object({ uuid })]), answers<DnsView>()),
    /** A profile's DNS routing (preload/privacy-types.ts); used when it next connects. */
    'profile:set-dns': call(
      z.tuple([z.object({ uuid, routing: z.enum(['profile', 'all-through-vpn', 'own-domains']) })]),
      answers<null>(),
    ),
  },
  events: {
    /**
     * `bus`: why, when it is the system bus itself: 'lost' (gone, main is reconnecting) or
     * 'reconnected' (back; `running` says whether NetworkManager is there too).
     */
    'state:nm': event<{ running: boolean; bus?: 'lost' | 'reconnected' }>(),
    'state:profiles': event<{ profiles: ProfileView[] }>(),
    'state:tunnel': event<{ uuid: string; state: TunnelStateView }>(),
    'prompt:open': event<PromptView>(),
    'prompt:close': event<{ requestId: string }>(),
    /** During profiles:import-files: files reported so far, of how many. */
    'import:progress': event<{ done: number; total: number }>(),
    /** Lockdown was turned on or off (by the app, the CLI or anyone else), or became (un)known. */
    'state:lockdown': event<{ lockdown: LockdownStateView; lan: LanChoice | null }>(),
  },
} as const;

type Calls = typeof contract.calls;
type Events = typeof contract.events;

export type CallName = keyof Calls;
export type CallArgs<C extends CallName> = z.infer<Calls[C]['args']>;
export type CallResults = { [C in CallName]: ResultOf<Calls[C]> };

export type EventName = keyof Events;
export type EventPayloads = { [E in EventName]: PayloadOf<Events[E]> };

export const CALL_NAMES = Object.keys(contract.calls) as CallName[];
export const EVENT_NAMES = Object.keys(contract.events) as EventName[];

/** Narrows a name from untyped code (a page, the harness's socket) to one of the contract's calls. */
export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract.calls, name);
}

/** A call's arguments as its schema parses them (the values handlers receive); undefined if invalid. */
export function parseCallArgs<C extends CallName>(name: C, raw: unknown): CallArgs<C> | undefined {
  const parsed = contract.calls[name].args.safeParse(raw);
  // TypeScript widens the schema of a generic name to the union of all; this one is C's.
  return parsed.success ? (parsed.data as CallArgs<C>) : undefined;
}

/** What a call rejects with: a word for code, a sentence for people. */
export interface CallFailure {
  word: string;
  sentence: string;
}

/** The API the preload puts on `window.tunnelbar`, and the harness's client provides too. */
export interface TunnelbarApi {
  call<C extends CallName>(name: C, ...args: CallArgs<C>): Promise<CallResults[C]>;
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void): () => void;
}
