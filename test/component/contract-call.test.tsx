import { act, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useContractCall, type ContractCall } from '../../renderer/hooks/contract-call';

// Every state setter the hook calls is counted: React itself stays silent about an update to a
// component that is gone, so this is how the test sees one.
const setterCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('react', async (importOriginal) => {
  const actual = await importOriginal<typeof import('react')>();
  function useState<S>(initial: S | (() => S)): [S, (next: S | ((prev: S) => S)) => void] {
    const [value, set] = actual.useState(initial);
    return [
      value,
      (next) => {
        setterCalls.count += 1;
        set(next);
      },
    ];
  }
  return { ...actual, useState };
});

/** A call the test settles by hand. */
function deferred(): {
  promise: Promise<null>;
  resolve: () => void;
  reject: (err: unknown) => void;
} {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<null>((res, rej) => {
    resolve = () => {
      res(null);
    };
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Shows the hook's state as text and hands the hook to the test. */
function Probe({ onHook }: { onHook: (call: ContractCall) => void }) {
  const call = useContractCall();
  onHook(call);
  return (
    <p>
      <span data-testid="busy">{call.busy ? 'busy' : 'idle'}</span>
      <span data-testid="failure">{call.failure ?? ''}</span>
    </p>
  );
}

function renderProbe() {
  let hook: ContractCall | null = null;
  const view = render(
    <StrictMode>
      <Probe
        onHook={(call) => {
          hook = call;
        }}
      />
    </StrictMode>,
  );
  const current = (): ContractCall => {
    if (hook === null) throw new Error('the probe did not render');
    return hook;
  };
  return { view, current };
}

const busy = (): string => screen.getByTestId('busy').textContent;
const failure = (): string => screen.getByTestId('failure').textContent;
const refusal = { word: 'permission-denied', sentence: 'You may not do that.' };

/** Starts a run as a click would, and hands back its promise. */
function start(
  call: ContractCall,
  work: () => Promise<unknown>,
  describe?: (sentence: string) => string,
): Promise<void> {
  let ran: Promise<void> = Promise.resolve();
  act(() => {
    ran = call.run(work, describe);
  });
  return ran;
}

/** Settles a started run's call (`how`) and waits until the run is over. */
async function settle(ran: Promise<void>, how: () => void): Promise<void> {
  await act(async () => {
    how();
    await ran;
  });
}

describe('useContractCall', () => {
  it('is busy while the call runs and idle with no failure once it succeeds', async () => {
    const { current } = renderProbe();
    const call = deferred();
    const ran = start(current(), () => call.promise);
    expect(busy()).toBe('busy');
    await settle(ran, call.resolve);
    expect(busy()).toBe('idle');
    expect(failure()).toBe('');
  });

  it("shows a refusal's sentence in the component's words, and clears it when the next run starts", async () => {
    const { current } = renderProbe();
    // The preload rejects with a plain {word, sentence}, not an Error.
    const refused = deferred();
    const ran = start(
      current(),
      () => refused.promise,
      (sentence) => `Could not save: ${sentence}`,
    );
    await settle(ran, () => {
      refused.reject(refusal);
    });
    expect(busy()).toBe('idle');
    expect(failure()).toBe('Could not save: You may not do that.');

    const again = deferred();
    const ranAgain = start(current(), () => again.promise);
    expect(failure()).toBe('');
    await settle(ranAgain, again.resolve);
    expect(failure()).toBe('');
  });

  it('reads a thrown Error as its message, and clearFailure and showFailure set the line', async () => {
    const { current } = renderProbe();
    await act(() => current().run(() => Promise.reject(new Error('The link dropped.'))));
    expect(failure()).toBe('The link dropped.');
    act(() => {
      current().clearFailure();
    });
    expect(failure()).toBe('');
    act(() => {
      current().showFailure('The file is too large.');
    });
    expect(failure()).toBe('The file is too large.');
  });

  it('lets a second run supersede one still under way: busy until the second ends, the first one’s refusal not shown', async () => {
    const { current } = renderProbe();
    const first = deferred();
    const second = deferred();
    const firstRan = start(current(), () => first.promise);
    const secondRan = start(current(), () => second.promise);
    await settle(firstRan, () => {
      first.reject(refusal);
    });
    expect(busy()).toBe('busy');
    expect(failure()).toBe('');
    await settle(secondRan, () => {
      second.reject({ word: 'internal-error', sentence: 'The second failed.' });
    });
    expect(busy()).toBe('idle');
    expect(failure()).toBe('The second failed.');
  });

  it('sets nothing once the component is gone, whether the call succeeds or is refused', async () => {
    for (const ending of ['resolve', 'reject'] as const) {
      const { view, current } = renderProbe();
      const call = deferred();
      let workEnded = false;
      const ran = start(current(), async () => {
        try {
          await call.promise;
        } finally {
          workEnded = true;
        }
      });
      view.unmount();
      const before = setterCalls.count;
      if (ending === 'resolve') call.resolve();
      else call.reject(refusal);
      // run never rejects, even for a refusal nobody is there to see.
      await expect(ran).resolves.toBeUndefined();
      expect(workEnded).toBe(true);
      expect(setterCalls.count).toBe(before);
    }
  });
});
