import { useTicker } from '../hooks/ticker';
import { strings } from '../strings';
import { formatDuration } from './format';

/** How long the tunnel has been up; ticks once a second while shown and the page is visible. */
export function Duration({ since }: { since: number }) {
  const now = useTicker(1000, true);
  return (
    <div className="fact">
      <span className="fact-label">{strings.status.duration}</span>
      <time className="fact-value duration" dateTime={new Date(since).toISOString()}>
        {formatDuration(now - since)}
      </time>
    </div>
  );
}
