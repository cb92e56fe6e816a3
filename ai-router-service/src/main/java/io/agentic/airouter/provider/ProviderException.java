package io.agentic.airouter.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a provider call failed, classified so the router knows whether to retry, fall back, count it
 * against the provider's health, or mark the provider misconfigured. The message is safe to show:
 * it never holds the provider's response body (which may echo a key).
 */
public final class ProviderException extends RuntimeException {

  /** What kind of failure. */
  public enum Kind {
    /** 429. Retried (after {@code Retry-After}), counts against health. */
    RATE_LIMITED,
    /** 5xx. Retried, counts against health. */
    SERVER_ERROR,
    /** No answer within the call's time limit. Counts against health, not retried. */
    TIMEOUT,
    /** The step's own deadline cut the call short: not the provider's fault. */
    DEADLINE,
    /** Could not connect, or the connection broke. Retried, counts against health. */
    CONNECTION,
    /** An answer that could not be read (not JSON, wrong shape, too large). */
    BAD_RESPONSE,
    /** A well-formed answer without any text. */
    EMPTY_ANSWER,
    /** JSON was asked for and the answer was not valid JSON of the expected shape. */
    INVALID_JSON,
    /** 401/403: the key is wrong. Not retried; the provider is marked down. */
    UNAUTHORIZED,
    /** Another 4xx: the provider refused this request. Not retried, not a health problem. */
    REJECTED,
    /** This instance already has as many calls in flight to the provider as it allows. */
    BUSY,
    /** The provider's circuit breaker is open. */
    CIRCUIT_OPEN,
    /** Whoever awaited the streamed answer went away: not the provider's fault, not retried. */
    CANCELLED
  }

  private final Kind kind;
  private final int status;
  private final Duration retryAfter;
  private final TokenUsage spent;
  private final boolean retryable;

  public ProviderException(Kind kind, int status, String message) {
    this(kind, status, message, null, TokenUsage.NONE, defaultRetryable(kind), null);
  }

  public ProviderException(Kind kind, int status, String message, Throwable cause) {
    this(kind, status, message, null, TokenUsage.NONE, defaultRetryable(kind), cause);
  }

  private ProviderException(
      Kind kind,
      int status,
      String message,
      Duration retryAfter,
      TokenUsage spent,
      boolean retryable,
      Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
    this.spent = spent;
    this.retryable = retryable;
  }

  public static ProviderException rateLimited(Duration retryAfter) {
    return new ProviderException(
        Kind.RATE_LIMITED, 429, "429 rate limited", retryAfter, TokenUsage.NONE, true, null);
  }

  /** A failure after the provider answered: the tokens were spent all the same. */
  public static ProviderException unusable(Kind kind, String message, TokenUsage spent) {
    return new ProviderException(kind, 200, message, null, spent, false, null);
  }

  /** The same failure, no longer worth retrying on this provider. */
  public ProviderException notRetryable() {
    return retryable
        ? new ProviderException(kind, status, getMessage(), retryAfter, spent, false, getCause())
        : this;
  }

  private static boolean defaultRetryable(Kind kind) {
    return kind == Kind.RATE_LIMITED || kind == Kind.SERVER_ERROR || kind == Kind.CONNECTION;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, 0 when there was none. */
  public int status() {
    return status;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public TokenUsage spent() {
    return spent;
  }

  public boolean retryable() {
    return retryable;
  }

  /** Whether the failure says something about the provider's health (circuit breaker, status). */
  public boolean countsAgainstProvider() {
    return switch (kind) {
      case RATE_LIMITED, SERVER_ERROR, TIMEOUT, CONNECTION, BAD_RESPONSE, EMPTY_ANSWER -> true;
      default -> false;
    };
  }
}
