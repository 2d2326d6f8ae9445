import { useEffect, useState } from 'react';
import { useStore } from '../store/context';
import { strings } from '../strings';
import { PromptDialog } from './PromptDialog';

/** The shell's small prompt window (`#prompt/<id>`): that one request and nothing else. */
export function PromptWindow({ requestId }: { requestId: string }) {
  const prompt = useStore((s) => s.prompts.find((p) => p.id === requestId));
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (prompt !== undefined) setSeen(true);
  }, [prompt]);
  if (prompt !== undefined)
    return <PromptDialog key={prompt.id} prompt={prompt} variant="window" />;
  return (
    <main className="prompt-window-empty">
      <p className="muted" role="status">
        {seen ? strings.prompt.gone : strings.prompt.waiting}
      </p>
    </main>
  );
}
