import type { ReasonView, TunnelStateView } from '../../preload/contract';
import { useStore } from '../store/context';
import { strings, vpnTypeLabel } from '../strings';
import { DISCONNECTED, stateLabel, stateTone } from '../tunnel-state';
import { Diagnostics } from './Diagnostics';
import { DnsSection } from '../privacy/DnsSection';
import { Duration } from './Duration';
import { IpConfigSection } from './IpConfigSection';
import { ReconnectChoice } from './ReconnectChoice';
import { withoutLinkLocal } from './link-local';

function Failure({ title, reason, uuid }: { title: string; reason: ReasonView; uuid: string }) {
  const perUser = useStore((s) => s.profiles.find((p) => p.uuid === uuid)?.secretsPerUser);
  return (
    <section className="card failure" aria-label={title}>
      <h3>{title}</h3>
      <p className="reason-sentence">{reason.sentence}</p>
      {reason.word === 'no-secrets' && perUser === true && (
        <p className="reason-boot">{strings.status.noSecretsPerUser}</p>
      )}
      <p className="muted reason-word">
        <code>{reason.word}</code>
      </p>
    </section>
  );
}

/** What only a connected tunnel has: duration, addresses and routes, the server's banner. */
function ConnectedDetails({ tunnel }: { tunnel: Extract<TunnelStateView, { kind: 'connected' }> }) {
  const ip6 = withoutLinkLocal(tunnel.ip6);
  return (
    <>
      <Duration since={tunnel.since} />
      {tunnel.ip4 !== null && <IpConfigSection title={strings.status.ipv4} config={tunnel.ip4} />}
      {ip6 !== null && <IpConfigSection title={strings.status.ipv6} config={ip6} />}
      {tunnel.banner !== null && (
        <section className="card" aria-label={strings.status.banner}>
          <h3>{strings.status.banner}</h3>
          <pre className="banner-text">{tunnel.banner}</pre>
        </section>
      )}
    </>
  );
}

function Details({ uuid, tunnel }: { uuid: string; tunnel: TunnelStateView }) {
  const lastFailure = useStore((s) => s.lastFailures[uuid]);
  switch (tunnel.kind) {
    case 'connected':
      return <ConnectedDetails tunnel={tunnel} />;
    case 'failed':
      return (
        <>
          <Failure title={strings.status.failure} reason={tunnel.reason} uuid={uuid} />
          <Diagnostics key={uuid} uuid={uuid} />
        </>
      );
    case 'reconnecting':
      return (
        <>
          <p className="muted">{strings.status.reconnectingHint}</p>
          {tunnel.reason !== null && (
            <Failure title={strings.status.dropped} reason={tunnel.reason} uuid={uuid} />
          )}
          <Diagnostics key={uuid} uuid={uuid} />
        </>
      );
    case 'disconnected':
    case 'connecting':
    case 'needs-secrets':
    case 'disconnecting':
      if (lastFailure === undefined) {
        return tunnel.kind === 'disconnected' ? (
          <p className="muted">{strings.status.hint}</p>
        ) : null;
      }
      return (
        <>
          <Failure title={strings.status.lastFailure} reason={lastFailure} uuid={uuid} />
          <Diagnostics key={uuid} uuid={uuid} />
        </>
      );
  }
}

/** Everything known about the selected profile's tunnel, live. */
export function StatusPanel({ uuid }: { uuid: string | null }) {
  const profile = useStore((s) => s.profiles.find((p) => p.uuid === uuid));
  const tunnel = useStore((s) => (uuid === null ? undefined : s.tunnels[uuid])) ?? DISCONNECTED;
  const actionFailure = useStore((s) => (uuid === null ? undefined : s.actionFailures[uuid]));
  if (profile === undefined) {
    return (
      <section className="status-pane empty" aria-label={strings.status.panelLabel}>
        <p className="muted">{strings.status.nothingSelected}</p>
        <DnsSection />
      </section>
    );
  }
  const type = vpnTypeLabel(profile.vpnType);
  return (
    <section className="status-pane" aria-labelledby="status-title">
      <header className="status-header">
        <h2 id="status-title">{profile.id}</h2>
        <p className="muted">
          {profile.remote === null ? type : strings.status.typeAndRemote(type, profile.remote)}
        </p>
      </header>
      <p className={`state-line tone-${stateTone(tunnel)}`} aria-live="polite">
        <span className="dot" aria-hidden="true" />
        {stateLabel(tunnel)}
      </p>
      {actionFailure !== undefined && (
        <p role="alert" className="card failure">
          {strings.status.actionFailed}: {actionFailure.sentence}
        </p>
      )}
      <ReconnectChoice profile={profile} />
      <Details uuid={profile.uuid} tunnel={tunnel} />
      <DnsSection />
    </section>
  );
}
