package io.agentic.gateway.apikey;

import java.time.Duration;
import java.time.Instant;

/**
 * An access token auth-service exchanged for a key, with the claims the gateway needs before the
 * token is verified (the security chain verifies it like any other).
 *
 * @param id the token's {@code jti}
 * @param family its {@code fam}: {@code key:<id>}
 * @param expiresAt when it stops being valid
 */
record ExchangedToken(String value, String id, String family, Instant expiresAt) {

  /** How long to reuse it: never beyond 80% of its remaining life nor {@code max}. */
  Duration reuseFor(Duration max, Instant now) {
    Duration remaining = Duration.between(now, expiresAt);
    if (remaining.isNegative() || remaining.isZero()) {
      return Duration.ZERO;
    }
    Duration fraction = remaining.multipliedBy(4).dividedBy(5);
    return fraction.compareTo(max) < 0 ? fraction : max;
  }

  @Override
  public String toString() {
    return "ExchangedToken[id=" + id + ", family=" + family + ", expiresAt=" + expiresAt + "]";
  }
}
