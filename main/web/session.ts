/**
 * Who may use the web app, the way Jupyter does it: the server prints an address carrying a
 * fresh secret; a browser that comes through it gets a session cookie (HttpOnly, SameSite=Strict)
 * and is sent on to the same page without the secret. Nothing served to anyone else carries the
 * secret or a session, so another user of the machine who can reach 127.0.0.1 gets nowhere.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_PARAMETER = 'token';
/** A secret chosen by the caller (tests, scripts) must be at least this long. */
const MIN_TOKEN_LENGTH = 32;

export class Sessions {
  readonly token: string;
  /** Cookies ignore ports, so the name carries this server's port: two servers never mix. */
  readonly cookieName: string;
  private readonly ids = new Set<string>();

  constructor(port: number, token?: string) {
    if (token !== undefined && !/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('the web token may use only A-Z, a-z, 0-9, _ and -');
    if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
      throw new Error(`the web token must be at least ${MIN_TOKEN_LENGTH} characters long`);
    }
    this.token = token ?? randomBytes(32).toString('base64url');
    this.cookieName = `strata-session-${port}`;
  }

  /** Whether `given` is the secret, compared in constant time. */
  isToken(given: string | null): boolean {
    if (given === null) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** A new session; the Set-Cookie header that hands it to the browser. */
  open(): string {
    const id = randomBytes(32).toString('base64url');
    this.ids.add(id);
    return `${this.cookieName}=${id}; HttpOnly; SameSite=Strict; Path=/`;
  }

  has(request: IncomingMessage): boolean {
    const id = cookie(request.headers.cookie, this.cookieName);
    if (id === undefined) return false;
    // Compared against each live id in constant time; there are only a handful.
    const given = Buffer.from(id);
    let found = false;
    for (const known of this.ids) {
      const expected = Buffer.from(known);
      if (expected.length === given.length && timingSafeEqual(expected, given)) found = true;
    }
    return found;
  }
}

function cookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
