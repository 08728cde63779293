import pg from 'pg';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import type { Executor } from './connection.ts';

type SessionParts = ConstructorParameters<typeof NodePgSession>;

/** The parts of a node-postgres Drizzle database that a transaction is built from (Drizzle internals). */
function poolSessionOf(db: Executor): { pool: pg.Pool; dialect: SessionParts[1]; schema: SessionParts[2]; options: SessionParts[3] } | undefined {
  const session = (db as unknown as { session?: { client?: unknown; dialect: SessionParts[1]; schema: SessionParts[2]; options: SessionParts[3] } }).session;
  if (!session || !(session.client instanceof pg.Pool)) return undefined;
  return { pool: session.client, dialect: session.dialect, schema: session.schema, options: session.options };
}

/**
 * A transaction on a pooled PostgreSQL connection whose BEGIN travels together with `preamble`
 * (statements built from escaped literals) in one simple-protocol round trip. Drizzle's own
 * `transaction()` sends BEGIN on its own and the preamble after it; on this kind of machine every
 * round trip costs two system calls and a context switch on each side, which is most of a small
 * request's time. Returns undefined when `db` is not pool-backed node-postgres (PGlite, or already
 * inside a transaction), so the caller falls back to Drizzle's transaction.
 */
export function poolTransaction<T>(
  db: Executor,
  preamble: (escapeLiteral: (value: string) => string) => string,
  work: (tx: Executor) => Promise<T>,
): Promise<T> | undefined {
  const parts = poolSessionOf(db);
  if (!parts) return undefined;
  return (async () => {
    const client = await parts.pool.connect();
    let broken: unknown;
    try {
      await client.query(`begin; ${preamble((value) => client.escapeLiteral(value))}`);
      // Savepoints for nested transactions work as in Drizzle's own transaction object.
      const tx = new NodePgTransaction(parts.dialect, new NodePgSession(client, parts.dialect, parts.schema, parts.options), parts.schema);
      try {
        const result = await work(tx as unknown as Executor);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch((rollbackError: unknown) => (broken = rollbackError));
        throw error;
      }
    } catch (error) {
      // A failed BEGIN leaves the connection in an unknown state: reset it with a rollback.
      if (!broken) await client.query('rollback').catch((rollbackError: unknown) => (broken = rollbackError));
      throw error;
    } finally {
      // A connection that could not even roll back is closed rather than given to the next request.
      client.release(broken instanceof Error ? broken : undefined);
    }
  })();
}
