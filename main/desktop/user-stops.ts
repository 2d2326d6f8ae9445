import type { TunnelStateView } from '../../preload/contract';

/**
 * Which tunnels the person stopped through Tunnelbar, so their going down is not announced as
 * news: a disconnect (switch, tray) or a cancelled password prompt. A mark lasts until the
 * tunnel settles down, or a new attempt starts.
 */
export class UserStops {
  private readonly stopped = new Set<string>();
  /**
   * Tunnels whose attempt the person ended and NetworkManager reported as failed (a cancelled
   * prompt fails with "no secrets"): shown as disconnected until the next attempt, as nm-applet
   * does, since nothing went wrong that the person did not ask for.
   */
  private readonly quiet = new Set<string>();
  /** Open prompts' profiles, to know whose attempt a cancel ends. */
  private readonly promptProfiles = new Map<string, string>();

  markStopped(uuid: string): void {
    this.stopped.add(uuid);
  }

  promptOpened(requestId: string, connectionUuid: string): void {
    this.promptProfiles.set(requestId, connectionUuid);
  }

  promptClosed(requestId: string): void {
    this.promptProfiles.delete(requestId);
  }

  promptCancelled(requestId: string): void {
    const uuid = this.promptProfiles.get(requestId);
    if (uuid !== undefined) this.stopped.add(uuid);
  }

  /**
   * The state to show for a change NetworkManager reported, and whether the person asked for it.
   * Reads the mark and drops it once it has served.
   */
  present(
    uuid: string,
    before: TunnelStateView,
    after: TunnelStateView,
  ): { shown: TunnelStateView; userAsked: boolean } {
    const userAsked = this.consume(uuid, before, after);
    if (after.kind === 'failed' && (userAsked || this.quiet.has(uuid))) {
      this.quiet.add(uuid);
      return { shown: { kind: 'disconnected' }, userAsked: true };
    }
    if (after.kind !== 'disconnected') this.quiet.delete(uuid);
    return { shown: after, userAsked };
  }

  /** Reads the mark for a change of state and drops it once it has served. */
  private consume(uuid: string, before: TunnelStateView, after: TunnelStateView): boolean {
    const settled = after.kind === 'disconnected' || after.kind === 'failed';
    const idleBefore = before.kind === 'disconnected' || before.kind === 'failed';
    // A new attempt from idle is not the stop the person asked for.
    if (idleBefore && !settled) {
      this.stopped.delete(uuid);
      return false;
    }
    const asked = this.stopped.has(uuid);
    if (settled) this.stopped.delete(uuid);
    return asked;
  }
}
