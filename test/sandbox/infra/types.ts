// Public data types of the sandbox, re-exported by sandbox.ts.
import type { ServerKind } from './names.js';

export type { ServerKind };

export interface OpenvpnServer {
  kind: ServerKind;
  host: string;
  port: number;
  /** Tunnel subnet the server hands addresses out of, e.g. 10.8.0.0/24. */
  subnet: string;
  /** Route the server pushes, e.g. 10.20.0.0/16. */
  pushedRoute: string;
  dns: string;
  domain: string;
}

export interface Credentials {
  username: string;
  password: string;
  /** The code the challenge server accepts as the answer to its question. */
  otp: string;
  challengeQuestion: string;
}
