import { defineStrings, fmt } from '../i18n/define';

/** The terminal prompter's texts (`up --ask`), in English: the `cli.prompt.` ids in locales/. */
const english = {
  rejected: 'The previous answer was rejected. Try again.',
  serverAsks: fmt('The server asks: {question}', (question: string) => ({ question })),
  certUntrusted: "The server's certificate is not trusted.",
  certOf: fmt(
    'The certificate of {host} is not trusted: {reason}.',
    (host: string, reason: string) => ({ host, reason }),
  ),
  certKey: fmt('Its key: {fingerprint}', (fingerprint: string) => ({ fingerprint })),
  acceptIt: 'Accept it? (yes/no): ',
  /** The word that accepts, as typed; `yes` is always understood too. */
  yes: 'yes',
  field: fmt('{label}: ', (label: string) => ({ label })),
  /** A field with a known value (a user name): Enter alone keeps it. */
  fieldWithDefault: fmt('{label} [{value}]: ', (label: string, value: string) => ({
    label,
    value,
  })),
};

export const promptStrings = defineStrings('cli.prompt', english);
