import { useEffect, useState } from 'react';
import { usePageVisible } from './page-visible';

/**
 * The current time, refreshed every `periodMs` while `active` and the page is visible; no timer
 * runs otherwise (an idle or hidden Tunnelbar does nothing).
 */
export function useTicker(periodMs: number, active: boolean): number {
  const visible = usePageVisible();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active || !visible) return;
    setNow(Date.now());
    const timer = setInterval(() => {
      setNow(Date.now());
    }, periodMs);
    return () => {
      clearInterval(timer);
    };
  }, [active, visible, periodMs]);
  return now;
}
