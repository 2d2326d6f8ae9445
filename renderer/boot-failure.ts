import bootMessages from './boot-messages.json';
import { windowLocale } from './window-locale';

/**
 * The view's chunk did not load, or could not draw the window: instead of a blank window, a
 * sentence in the window's language that says so and what to do, and the error in the console.
 * Part of the first chunk, so it uses neither React nor the catalogues (both are in the chunk that
 * failed): its text is the generated copy of renderer/boot-strings.ts.
 */
export function showBootFailure(doc: Document, languages: readonly string[], err: unknown): void {
  console.error('Tunnelbar: the window could not be drawn:', err);
  const locale = windowLocale(doc, languages);
  const sentence = doc.createElement('p');
  sentence.className = 'centre';
  sentence.setAttribute('role', 'alert');
  sentence.textContent = bootMessages[locale]['boot.drawFailed'];
  doc.documentElement.lang = locale;
  (doc.getElementById('root') ?? doc.body).replaceChildren(sentence);
}
