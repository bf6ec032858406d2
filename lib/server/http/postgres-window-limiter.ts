import "server-only";
import { prisma } from "../db/prisma";

export type TLimitDecision = { allowed: true; eventId: bigint } | { allowed: false; retryAfterS: number };

/**
 * A sliding-window limit kept in PostgreSQL (table `rate_limit_events`), so it holds
 * across concurrent requests and across console replicas. `take()` counts an attempt
 * *before* the work it guards (a password check), atomically: a per-key advisory lock
 * serialises the count-and-insert, so however many requests race, at most `limit`
 * attempts are admitted per window. The database clock is the only clock.
 *
 * An attempt that turns out not to count (an enrolment with a good token, where only
 * refusals are limited) is given back with `release()`, so the slot it held is free again.
 *
 * Within one process, attempts for the same key queue (one transaction per key in flight,
 * so a burst never holds the whole connection pool waiting on one lock), and a refusal is
 * remembered until its Retry-After: the rest of a burst is refused without a round trip.
 * Both only ever refuse sooner, never admit more than the database says.
 */
export class PostgresWindowLimiter {
  private readonly queues = new Map<string, Promise<TLimitDecision>>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    readonly bucket: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Admits one attempt for `key`, or says how many seconds until one is admitted. */
  take(key: string): Promise<TLimitDecision> {
    const previous = this.queues.get(key);
    const next = previous ? previous.then(() => this.takeNow(key), () => this.takeNow(key)) : this.takeNow(key);
    this.queues.set(key, next);
    const forget = () => {
      if (this.queues.get(key) === next) this.queues.delete(key);
    };
    next.then(forget, forget);
    return next;
  }

  private async takeNow(key: string): Promise<TLimitDecision> {
    const blocked = this.blockedUntil.get(key);
    if (blocked !== undefined && blocked > Date.now()) return { allowed: false, retryAfterS: Math.max(1, Math.ceil((blocked - Date.now()) / 1000)) };
    this.blockedUntil.delete(key);
    const lockKey = `${this.bucket}|${key}`;
    const window = `${this.windowMs} milliseconds`;
    // Two statements in one transaction: the second takes its snapshot after the lock is
    // held, so it sees every attempt committed by the previous holder.
    const [, inserted] = await prisma.$transaction([
      prisma.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`,
      prisma.$queryRaw<Array<{ id: bigint }>>`
        INSERT INTO rate_limit_events (bucket, key, at)
        SELECT ${this.bucket}, ${key}, clock_timestamp()
        WHERE (SELECT count(*) FROM rate_limit_events
               WHERE bucket = ${this.bucket} AND key = ${key} AND at > clock_timestamp() - ${window}::interval) < ${this.limit}
        RETURNING id`,
    ]);
    const eventId = inserted[0]?.id;
    if (eventId !== undefined) {
      await this.prune();
      return { allowed: true, eventId };
    }
    const [oldest] = await prisma.$queryRaw<Array<{ waitMs: number }>>`
      SELECT EXTRACT(EPOCH FROM (at + ${window}::interval - clock_timestamp())) * 1000 AS "waitMs"
      FROM rate_limit_events
      WHERE bucket = ${this.bucket} AND key = ${key} AND at > clock_timestamp() - ${window}::interval
      ORDER BY at DESC OFFSET ${this.limit - 1} LIMIT 1`;
    const retryAfterS = Math.max(1, Math.ceil(Number(oldest?.waitMs ?? this.windowMs) / 1000));
    if (this.blockedUntil.size >= 10_000) this.blockedUntil.clear();
    this.blockedUntil.set(key, Date.now() + retryAfterS * 1000);
    return { allowed: false, retryAfterS };
  }

  /** Gives back one admitted attempt: it no longer counts against its key. */
  async release(decision: TLimitDecision): Promise<void> {
    if (!decision.allowed) return;
    await prisma.$executeRaw`DELETE FROM rate_limit_events WHERE id = ${decision.eventId} AND bucket = ${this.bucket}`;
  }

  /** Forgets every attempt of `key` (a successful login clears its failures). */
  async clear(key: string): Promise<void> {
    this.blockedUntil.delete(key);
    await prisma.rateLimitEvent.deleteMany({ where: { bucket: this.bucket, key } });
  }

  /** Drops attempts older than the window (of every key in this bucket). */
  private async prune(): Promise<void> {
    await prisma.$executeRaw`DELETE FROM rate_limit_events WHERE bucket = ${this.bucket} AND at < clock_timestamp() - ${`${this.windowMs} milliseconds`}::interval`;
  }
}
