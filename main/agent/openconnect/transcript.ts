import { FormNames, HeaderBlock, isDumpLine, type PluginField } from './form-names';

/**
 * Reads what `openconnect --authenticate` writes while it logs in. The program has no
 * machine-readable form protocol: it prints each form's message lines, then a field's label with
 * no newline and waits on stdin; an untrusted certificate ends with "Enter 'yes' to accept...".
 * So a step is an unfinished last line of stderr (the caller waits for output to pause before
 * asking, since a choice's label arrives in several writes). Pure: no process here.
 */

export type OcStep =
  | {
      kind: 'field';
      label: string;
      /** The plugin's key for it (`form:<form id>:<field name>`), when the form's XML said. */
      plugin: PluginField | null;
      /** A choice's labels (`GROUP: [a|b]:`); null for free text. */
      options: string[] | null;
      /** The form's message and error lines printed since the previous step. */
      message: string;
    }
  | { kind: 'certificate'; host: string; reason: string; fingerprint: string }
  | { kind: 'browser' };

/** The line Tunnelbar's external-browser wrapper prints (to openconnect's stderr) when it opens. */
export const BROWSER_MARKER = 'tunnelbar: the login page is open in the browser';

/** openconnect's progress lines: not the server's words, never shown in a prompt. */
const PROGRESS = [
  /^(POST|GET) https?:\/\//,
  /^Connected to /,
  /^SSL negotiation with /,
  /^Server certificate verify failed/,
  /^XML POST enabled/,
  /^Attempting to connect to server/,
  /^Opened tun device/,
  // With --dump-http-traffic (verbose): the successful responses and their sizes.
  /^Got HTTP response: HTTP\/[\d.]+ 2\d\d\b/,
  /^HTTP body (length|chunked)/,
  /^Generating OATH .* token code/,
];

const CERT_QUESTION = /^Enter '.+' to accept, '.+' to abort; anything else to view: ?$/;
const CERT_HOST = /^Certificate from VPN server "(.*)" failed verification\.$/;
const CERT_REASON = /^Reason: (.*)$/;
const CERT_PIN = /^--servercert (\S+)$/;
const CHOICE = /^(.*) \[(.*)\]:$/;

function isShown(line: string): boolean {
  const text = line.trim();
  if (text === '') return false;
  return !PROGRESS.some((re) => re.test(text));
}

/** A label without the colon openconnect's forms end it with. */
function bare(label: string): string {
  return label.trim().replace(/:$/, '').trim();
}

export class Transcript {
  private done: string[] = [];
  private partial = '';
  /** Every complete line, for the failure message. */
  private all: string[] = [];
  private readonly names = new FormNames();
  private readonly headers = new HeaderBlock();

  /** Adds stderr output. HTTP dump lines and response headers are read for form names, never kept. */
  push(chunk: string): void {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (isDumpLine(line)) {
        this.names.read(line);
        continue;
      }
      if (this.headers.drops(line)) continue;
      this.done.push(line);
      this.all.push(line);
    }
    if (this.all.length > 200) this.all = this.all.slice(-100);
  }

  /** The step openconnect now waits for, or null while nothing is asked. */
  pending(): OcStep | null {
    if (this.done.some((line) => line.trim() === BROWSER_MARKER)) return { kind: 'browser' };
    const prompt = this.partial.trim();
    if (prompt === '' || isDumpLine(this.partial)) return null;
    if (CERT_QUESTION.test(prompt)) return this.certificate();
    if (!prompt.endsWith(':')) return null;
    const message = this.done.filter(isShown).join('\n');
    const choice = CHOICE.exec(prompt);
    if (choice?.[1] !== undefined && choice[2] !== undefined) {
      const label = bare(choice[1]);
      const options = choice[2].split('|');
      return { kind: 'field', label, plugin: this.names.fieldFor(label), options, message };
    }
    const label = bare(prompt);
    return { kind: 'field', label, plugin: this.names.fieldFor(label), options: null, message };
  }

  /** The step was answered: what follows belongs to the next one. */
  answered(): void {
    this.done = [];
    this.partial = '';
  }

  /** openconnect's last words that are not progress, to say why a login failed. */
  failure(): string {
    return this.all.filter(isShown).slice(-2).join('\n');
  }

  private certificate(): OcStep {
    let host = '';
    let reason = '';
    let fingerprint = '';
    for (const raw of this.done) {
      const line = raw.trim();
      host = CERT_HOST.exec(line)?.[1] ?? host;
      reason = CERT_REASON.exec(line)?.[1] ?? reason;
      fingerprint = CERT_PIN.exec(line)?.[1] ?? fingerprint;
    }
    return { kind: 'certificate', host, reason, fingerprint };
  }
}

/** What `--authenticate` prints on success. */
export interface AuthResult {
  cookie: string;
  host: string;
  connectUrl: string | null;
  fingerprint: string;
  resolve: string | null;
}

/** Undoes the shell single-quoting of `KEY='value'` (a quote inside is written `'\''`). */
function unquote(value: string): string {
  if (!value.startsWith("'")) return value;
  return value.replace(/'\\''/g, "'").replace(/^'/, '').replace(/'$/, '');
}

export function parseAuthOutput(stdout: string): AuthResult | null {
  const values = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m?.[1] !== undefined && m[2] !== undefined) values.set(m[1], unquote(m[2]));
  }
  const cookie = values.get('COOKIE');
  if (cookie === undefined || cookie === '') return null;
  return {
    cookie,
    host: values.get('HOST') ?? '',
    connectUrl: values.get('CONNECT_URL') ?? null,
    fingerprint: values.get('FINGERPRINT') ?? '',
    resolve: values.get('RESOLVE') ?? null,
  };
}
