import type { QueryResult, SqlParams } from './query-result';

/** One read-only opening of the store: what a reader needs of it for one call. */
interface Session {
  query(sql: string, params?: SqlParams): Promise<QueryResult>;
  named(name: string, params?: Record<string, unknown>): Promise<QueryResult>;
  closeSync(): void;
}

/**
 * A store read one call at a time: each call opens the file read-only, runs and lets it go, so that a reader kept
 * for a long time (a notebook between cells) never keeps a writer out.
 */
export class StoreReader {
  constructor(
    readonly path: string,
    private readonly openSession: () => Promise<Session>,
  ) {}

  /** Opens the store once, so that a missing, newer or out-of-date store is reported (or upgraded) at once. */
  async check(): Promise<void> {
    (await this.openSession()).closeSync();
  }

  query(sql: string, params?: SqlParams): Promise<QueryResult> {
    return this.withSession((session) => session.query(sql, params));
  }

  named(name: string, params: Record<string, unknown> = {}): Promise<QueryResult> {
    return this.withSession((session) => session.named(name, params));
  }

  /** Nothing is held between calls; kept so that code written for a held store runs as it is. */
  close(): void {}

  private async withSession<T>(fn: (session: Session) => Promise<T>): Promise<T> {
    const session = await this.openSession();
    try {
      return await fn(session);
    } finally {
      session.closeSync();
    }
  }
}
