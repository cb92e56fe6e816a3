package io.agentic.airouter.quota;

/**
 * Redis, which holds quotas and budgets, could not be reached. AI calls then stop rather than spend
 * past a limit nobody can check (fail closed); the step may be retried later.
 */
public final class QuotaUnavailableException extends RuntimeException {

  public QuotaUnavailableException(Throwable cause) {
    super("quota store unavailable", cause);
  }
}
