package io.agentic.gateway.ratelimit;

import io.agentic.platform.problem.ApiException;
import java.time.Duration;

/** The 429 every limit answers with: code {@code RATE_LIMITED} and {@code Retry-After}. */
final class RateLimited {

  private RateLimited() {}

  static ApiException after(Duration wait, String detail) {
    // Retry-After is in whole seconds; round up so that a retry on time is not refused again.
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return ApiException.tooManyRequests("RATE_LIMITED", detail, seconds);
  }
}
