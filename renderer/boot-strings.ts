import { defineStrings } from '../main/i18n/define';

/**
 * The sentences the page's first chunk (main.tsx) may have to show before the view's chunk, with
 * the catalogues and their formatter, has loaded, or when it cannot load. Translated like every
 * other string (locales/), but the first chunk never imports this module: `npm run i18n:extract`
 * copies these texts, in every language, into renderer/boot-messages.json, and `npm run
 * i18n:check` fails when that copy is out of date. Plain texts only: the first chunk has no ICU.
 */
export const bootStrings = defineStrings('boot', {
  drawFailed:
    'Tunnelbar could not draw this window: some of its files failed to load. Close the window and open it again; if this happens again, reinstall Tunnelbar.',
});
