import { defineStrings, fmt } from '../i18n/define';

/**
 * The `tunnelbar` command's human output, in English: the `cli.` ids in locales/. `--json` is
 * never translated (scripts read it); nor are the reason words inside a line (`login-failed`),
 * which are the same words `--json` prints and what a search for them finds.
 */
const english = {
  state: {
    connected: fmt('connected {addresses}', (addresses: string) => ({ addresses })),
    connectedBare: 'connected',
    /** The state alone, as in `status`'s first line and `down`'s last. */
    word: fmt(
      '{kind, select, connected {connected} connecting {connecting} needsSecrets {needs-secrets} disconnecting {disconnecting} reconnecting {reconnecting} failed {failed} other {disconnected}}',
      // Select keys cannot hold a hyphen.
      (kind: string) => ({ kind: kind === 'needs-secrets' ? 'needsSecrets' : kind }),
    ),
    connecting: fmt('connecting ({stage})', (stage: string) => ({ stage })),
    failed: fmt('failed ({word}): {sentence}', (word: string, sentence: string) => ({
      word,
      sentence,
    })),
    reconnecting: fmt('reconnecting: {summary}', (summary: string) => ({ summary })),
    reconnectingAfter: fmt(
      'reconnecting after {word}: {summary}',
      (word: string, summary: string) => ({
        word,
        summary,
      }),
    ),
  },
  status: {
    connectedFor: fmt('  connected for: {seconds} s', (seconds: number) => ({ seconds })),
    reason: fmt('  reason: {word}: {sentence}', (word: string, sentence: string) => ({
      word,
      sentence,
    })),
    reconnect: fmt(
      '  reconnect: attempt {attempt}{next, select, none {} other {, next at {next}}} (waiting for {waitingFor})',
      (attempt: number, next: string | null, waitingFor: string) => ({
        attempt,
        next: next ?? 'none',
        waitingFor,
      }),
    ),
    banner: fmt('  banner: {banner}', (banner: string) => ({ banner })),
    address: fmt('  {family} address: {list}', (family: string, list: string) => ({
      family,
      list,
    })),
    gateway: fmt('  {family} gateway: {gateway}', (family: string, gateway: string) => ({
      family,
      gateway,
    })),
    route: fmt('  {family} route: {route}', (family: string, route: string) => ({ family, route })),
    via: fmt('{dest} via {nextHop}', (dest: string, nextHop: string) => ({ dest, nextHop })),
    metric: fmt(' metric {metric}', (metric: number) => ({ metric })),
    dns: fmt('  {family} DNS: {list}', (family: string, list: string) => ({ family, list })),
    domains: fmt('  {family} domains: {list}', (family: string, list: string) => ({
      family,
      list,
    })),
  },
};

export const cliStrings = defineStrings('cli', english);
