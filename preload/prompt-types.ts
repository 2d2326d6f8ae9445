// Plain types of what the secret agent asks a person, shared by main/agent, the CLI's prompter and
// the renderer's prompt window.

/** One thing the secret agent asks a person (main/agent/prompter.ts uses the same type). */
export interface SecretFieldView {
  /** The name NetworkManager wants the answer under: `password`, `cert-pass`, `private-key`, ... */
  key: string;
  label: string;
  /** Hidden input (passwords, keys); false for echoed answers such as a user name. */
  secret: boolean;
  /** A value to start from, e.g. a user name already known. Never a stored password. */
  initial?: string;
  /**
   * A choice instead of free text (an OpenConnect group or token selection): the answer is one
   * of these labels. Absent: a text field.
   */
  options?: string[];
}

/** A server certificate the system does not trust, shown for the person to accept or refuse. */
export interface CertificateView {
  host: string;
  /** Why verification failed, in openconnect's words ("signer not found"). */
  reason: string;
  /** The public key pin, `pin-sha256:<base64>`. */
  fingerprint: string;
}

/**
 * What the secret agent asks a person (main/agent/prompter.ts): the CLI's terminal prompter and
 * the GUI's prompt window show the same request. Plain values only.
 */
export interface PromptView {
  /** Unique per request; the GUI keys its windows by it. */
  id: string;
  connectionUuid: string;
  connectionId: string;
  /** `openvpn`, `wireguard`, or the plugin's short name. */
  vpnType: string;
  title: string;
  /** The plugin's or server's text: for a challenge, the server's question. */
  message: string;
  /**
   * Why the prompt is shown: first time in this attempt, the previous answer was rejected by the
   * server, or the server asks a further question (one-time code); `certificate`: accept or
   * refuse `certificate` (no fields: an empty answer accepts, cancel refuses); `browser`: a web
   * login runs in the system browser (no fields: the prompt only waits, and is withdrawn when
   * the login ends; cancel stops it).
   */
  reason: 'initial' | 'rejected' | 'challenge' | 'certificate' | 'browser';
  fields: SecretFieldView[];
  /** Whether "save password" may be offered: never for challenges or "ask every time" secrets. */
  canSave: boolean;
  /**
   * "Save password" starts ticked: the keyring holds the password NetworkManager just rejected,
   * so the one typed now should replace it. Absent: unticked.
   */
  saveChecked?: boolean;
  /** With reason `certificate`: the certificate to accept or refuse. */
  certificate?: CertificateView;
}
