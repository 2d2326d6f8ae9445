import { Writable } from 'node:stream';
import type { PromptAnswer, Prompter, PromptRequest } from '../agent/prompter';
import type { Core } from '../core';
import { findProfile } from '../nm/actions';
import type { ReasonWord } from '../nm/reasons';
import type { TunnelState } from '../nm/tunnel-state';
import { activateAgain, isTunnelPath } from '../reconnect/attempt';
import { ReconnectDriver, type SeriesEnd } from '../reconnect/driver';
import { ReconnectPolicy } from '../reconnect/policy';
import { ReconnectPublisher } from '../reconnect/shared-state';
import { SystemWatch } from '../reconnect/system-watch';
import { cliPushedDomainLearner, up, type ExitCode, type Io } from './commands';
import { describeState, statusEntry } from './format';
import { runStrings as r } from './run-strings';
import { terminalSafe as safe } from './terminal-text';

/**
 * The prompter `up --stay --ask` answers with, telling the reconnect policy of each prompt: it
 * allows one per series of attempts.
 */
export class PromptTap implements Prompter {
  onPrompt: (uuid: string) => void = () => undefined;

  constructor(private readonly inner: Prompter) {}

  prompt(request: PromptRequest, signal: AbortSignal): Promise<PromptAnswer | null> {
    this.onPrompt(request.connectionUuid);
    return this.inner.prompt(request, signal);
  }
}

export interface StayOptions {
  json: boolean;
  timeoutSeconds: number | null;
  prompter: PromptTap | null;
}

/**
 * `tunnelbar up <name> --stay`: connects as `up` does, then keeps the tunnel up with the app's
 * reconnect policy until interrupted, one line per change (as `watch` prints them, `reconnecting`
 * with its attempt and next time). Ends by itself when the tunnel is stopped by request (nmcli,
 * another client: exit 0) or the policy gives up (exit 1, the reason on stderr). An 'own-domains'
 * VPN learns its server's pushed domains at every connection: `up` learns at the first, the
 * tunnel events here at each reconnection (main/dns/learn-pushed.ts).
 */
export async function stay(core: Core, io: Io, ref: string, opts: StayOptions): Promise<ExitCode> {
  // With --json every line on stdout is JSON: `up`'s own line is replaced by the state's.
  const first = await up(
    core,
    opts.json ? { ...io, stdout: discard() } : io,
    ref,
    opts.timeoutSeconds,
  );
  if (first !== 0) return first;
  const profile = findProfile(core.model, ref);
  const shared = new ReconnectPublisher(undefined, (text) => {
    io.stderr.write(`${r.warning(safe(text))}\n`);
  });
  const print = (state: TunnelState): void => {
    // `tunnelbar status` and `watch` in other processes see the reconnecting state too.
    shared.set(profile.uuid, state);
    const time = new Date().toISOString();
    const record = { time, event: 'tunnel', ...statusEntry(profile, state) };
    io.stdout.write(
      opts.json
        ? `${JSON.stringify(record)}\n`
        : `${time} ${safe(profile.id)}: ${describeState(state)}\n`,
    );
  };
  // Armed before anything else is awaited: a drop right after `up` said connected (a test kills
  // the client the moment it reads that line) must reach the policy, not fall between the two.
  let resolveExit: (code: ExitCode) => void = () => undefined;
  // Its warnings go to stderr, as `up`'s; the exit waits for a write in progress.
  const learner = cliPushedDomainLearner(core, io);
  const exited = new Promise<ExitCode>((resolve) => {
    resolveExit = resolve;
  }).then(async (code) => {
    await learner.settled();
    return code;
  });
  let watch: SystemWatch | null = null;
  // An object, not a let: it changes in callbacks while `stay` awaits the watch.
  const run = { over: false };
  // Why it ends goes to stderr, as `up`'s failures do: stdout stays one line per state.
  const finish = (code: ExitCode, line: string): void => {
    if (run.over) return;
    run.over = true;
    driver.stop();
    watch?.stop();
    shared.close();
    core.model.off('tunnel', onTunnel);
    io.stderr.write(`${line}\n`);
    resolveExit(code);
  };
  const ended = (end: SeriesEnd<ReasonWord>): void => {
    if (end.kind === 'gave-up') finish(1, `${end.reason.word}: ${safe(end.reason.sentence)}`);
  };
  const policy = new ReconnectPolicy<ReasonWord>({ enabled: (uuid) => uuid === profile.uuid });
  const driver = new ReconnectDriver<ReasonWord>(policy, {
    activate: (uuid) => activateAgain(core, uuid),
    changed: (uuid) => {
      if (uuid === profile.uuid) print(driver.view(uuid, core.model.tunnelState(uuid)));
    },
    ended,
  });
  const onTunnel = (uuid: string, state: TunnelState): void => {
    if (uuid !== profile.uuid) return;
    // As the app core does on every tunnel event: it writes only when connected and one is missing.
    void learner.tunnelChanged(uuid);
    const end = driver.tunnel(uuid, state, false);
    const shown = driver.view(uuid, state);
    print(shown);
    if (end !== null) ended(end);
    else if (shown.kind === 'disconnected') {
      finish(0, r.stoppedByRequest(safe(profile.id)));
    }
  };
  if (opts.prompter !== null) {
    opts.prompter.onPrompt = (uuid) => {
      driver.prompted(uuid);
    };
  }
  core.model.on('tunnel', onTunnel);
  // Watched from now on: `up` said it is connected (and printed so).
  driver.tunnel(profile.uuid, core.model.tunnelState(profile.uuid), false);
  if (opts.json) print(core.model.tunnelState(profile.uuid));

  const started = await SystemWatch.start(core.bus, (path) => isTunnelPath(core, path));
  if (run.over) {
    started.stop();
    return exited;
  }
  watch = started;
  started.on('sleep', (sleeping) => {
    driver.sleep(sleeping);
  });
  started.on('network', (netUp, moved) => {
    driver.network(netUp, moved);
  });
  driver.network(started.networkUp, false);
  return exited;
}

function discard(): Writable {
  return new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });
}
