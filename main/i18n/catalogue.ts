import de from '../../locales/de.json';
import pseudo from '../../locales/en-XA.json';
import { addTranslations } from './active';

/**
 * Every translation at once, for main's processes (the CLI, the app core, the harness) and the
 * tests: importing this module makes them known; the language is still chosen with setLocale.
 * The renderer does not import it: it loads only its window's language (renderer/locale.ts).
 */
addTranslations('de', de);
addTranslations('en-XA', pseudo);

export {
  currentLocale,
  format,
  intlLocale,
  setLocale,
  text,
  type MessageValues,
  type Messages,
} from './active';
