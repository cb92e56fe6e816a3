package io.agentic.gateway.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs that Redis could not answer, at most once per period per use: while Redis is down every
 * request would otherwise log the same warning.
 */
public final class RedisOutage {

  private static final Duration PERIOD = Duration.ofSeconds(10);

  private final Logger log;
  private final String consequence;
  private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);

  /**
   * @param consequence what the gateway does meanwhile, e.g. "rate limits are not applied"
   */
  public RedisOutage(Logger log, String consequence) {
    this.log = log;
    this.consequence = consequence;
  }

  public void report(Throwable failure) {
    long now = System.nanoTime();
    long last = lastLogged.get();
    if ((last == Long.MIN_VALUE || now - last >= PERIOD.toNanos())
        && lastLogged.compareAndSet(last, now)) {
      log.warn("Redis cannot answer; {}: {}", consequence, failure.toString());
    }
  }

  /** A backstop for calls the client's own timeout should already end. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
}
