// A small HTTP client for a CouchDB-compatible server, used by provisioning and seeding.
// Works the same against the embedded PouchDB server and an Apache CouchDB.
export interface CentralCredentials {
  username: string;
  password: string;
}

export class CentralRequestError extends Error {
  constructor(readonly status: number, readonly reason: string, what: string) {
    super(`${what} failed: HTTP ${status} ${reason}`);
    this.name = 'CentralRequestError';
  }
}

export class CentralClient {
  readonly url: string;
  private readonly headers: Record<string, string>;

  constructor(url: string, credentials?: CentralCredentials) {
    this.url = url.replace(/\/+$/, '');
    this.headers = { accept: 'application/json', 'content-type': 'application/json' };
    if (credentials) {
      const token = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
      this.headers['authorization'] = `Basic ${token}`;
    }
  }

  /** Sends a request; resolves with the status and body, whatever the status. */
  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.url}/${path}`, {
      method,
      headers: this.headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // keep the text: the caller reports it
    }
    return { status: response.status, body: parsed };
  }

  /** Like request, but throws unless the status is one of `accepted`. */
  async expect(method: string, path: string, accepted: number[], body?: unknown): Promise<unknown> {
    const result = await this.request(method, path, body);
    if (!accepted.includes(result.status)) {
      const reason = (result.body as { reason?: string; error?: string } | null)?.reason ?? JSON.stringify(result.body);
      throw new CentralRequestError(result.status, String(reason), `${method} /${path}`);
    }
    return result.body;
  }
}
