import { useStore } from '../store/context';
import { PromptDialog } from './PromptDialog';

/** The main window shows the oldest open request as a modal dialog; the next follows it. */
export function PromptHost() {
  const prompt = useStore((s) => s.prompts[0]);
  if (prompt === undefined) return null;
  return <PromptDialog key={prompt.id} prompt={prompt} variant="modal" />;
}
