import { useCallback, useEffect, useRef, useState } from 'react';
import { toCallFailure } from '../api';

export interface ContractCall {
  /** A run is under way: the latest one, when another was started before the first ended. */
  busy: boolean;
  /** What to show for the latest run's rejection, until the next run or `clearFailure`. */
  failure: string | null;
  /**
   * Runs `work` (a contract call and what follows from its answer). A rejection becomes the call's
   * sentence, put in the component's own words by `describe`. A new run supersedes one still
   * under way: the earlier one's end no longer changes `busy` or `failure`. Never rejects.
   */
  run: (work: () => Promise<unknown>, describe?: (sentence: string) => string) => Promise<void>;
  clearFailure: () => void;
  /** A failure found before any call is made (a file too large to send). */
  showFailure: (text: string) => void;
}

const asIs = (sentence: string): string => sentence;

/**
 * The state around a component's contract call: busy while it runs, the failure to show when it
 * is refused, and nothing set once the component is gone (a dialog closes itself on success).
 */
export function useContractCall(): ContractCall {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const mounted = useRef(false);
  const latest = useRef(0);
  useEffect(() => {
    // Set here, not at creation: StrictMode unmounts and mounts again.
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (work: () => Promise<unknown>, describe: (sentence: string) => string = asIs) => {
      latest.current += 1;
      const mine = latest.current;
      setBusy(true);
      setFailure(null);
      let failed: string | null = null;
      try {
        await work();
      } catch (err) {
        failed = describe(toCallFailure(err).sentence);
      }
      if (!mounted.current || mine !== latest.current) return;
      setBusy(false);
      if (failed !== null) setFailure(failed);
    },
    [],
  );
  const clearFailure = useCallback(() => {
    setFailure(null);
  }, []);
  return { busy, failure, run, clearFailure, showFailure: setFailure };
}
