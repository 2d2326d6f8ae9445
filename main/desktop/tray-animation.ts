import type { TrayIconState } from './surface-types';
import { CONNECTING_FRAMES } from './tray-icon';

export interface Clock {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const FRAME_MS = 400;

/**
 * The connecting animation, driven by the model: update() is called with each new icon state; a
 * timer runs only while the state is "connecting" and stops the moment it is not, so an idle
 * Tunnelbar wakes up for nothing.
 */
export class TrayAnimation {
  private timer: unknown = null;
  private frameIndex = 0;

  constructor(
    private readonly onFrame: (frame: number) => void,
    private readonly clock: Clock,
    /** The desktop asks for reduced motion (asked at each state change: it can change). */
    private readonly reducedMotion: () => boolean = () => false,
  ) {}

  get frame(): number {
    return this.frameIndex;
  }

  get running(): boolean {
    return this.timer !== null;
  }

  update(state: TrayIconState): void {
    if (state === 'connecting' && !this.reducedMotion()) {
      if (this.timer !== null) return;
      this.timer = this.clock.setInterval(() => {
        this.frameIndex = (this.frameIndex + 1) % CONNECTING_FRAMES;
        this.onFrame(this.frameIndex);
      }, FRAME_MS);
      return;
    }
    this.stop();
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearInterval(this.timer);
    this.timer = null;
    this.frameIndex = 0;
  }
}
