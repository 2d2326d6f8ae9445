// A model whose every 'tunnel' event is timed against the signal that caused it. The stamp is
// taken by a 'signal' listener registered before NmModel's own (listeners run in order), and
// cleared by one registered after it: the model handles a signal synchronously, so an event
// emitted between the two belongs to that signal. main/ stays untouched: this is the same
// NmBus + NmModel pair openCore builds, with our listeners around the model's.
import { performance } from 'node:perf_hooks';
import { NmBus } from '../../main/nm/bus';
import { NmModel } from '../../main/nm/model';

export class StampedModel {
  /** ms from the signal reaching NmBus's listeners to the model's 'tunnel' event. */
  readonly latencies: number[] = [];
  /** 'tunnel' events not emitted while a signal was being handled (after a load, for one). */
  unattributed = 0;

  private constructor(
    readonly bus: NmBus,
    readonly model: NmModel,
  ) {}

  static async open(busAddress: string): Promise<StampedModel> {
    const bus = await NmBus.connect(busAddress);
    let signalAt: number | null = null;
    bus.on('signal', () => {
      signalAt = performance.now();
    });
    const model = new NmModel(bus);
    bus.on('signal', () => {
      signalAt = null;
    });
    const stamped = new StampedModel(bus, model);
    // First 'tunnel' listener, so the bench's own listeners do not count towards the latency.
    model.on('tunnel', () => {
      if (signalAt === null) stamped.unattributed++;
      else stamped.latencies.push(performance.now() - signalAt);
    });
    await model.ready();
    return stamped;
  }

  /** Forget what was measured so far (after a warm-up round). */
  reset(): void {
    this.latencies.length = 0;
    this.unattributed = 0;
  }

  close(): void {
    this.bus.close();
  }
}
