package io.agentic.airouter.router;

/** How an AI step ended, and what it spent on the way (failed calls included). */
public sealed interface AiOutcome {

  Spend spend();

  /** A provider (or the cache) answered. */
  record Answered(AiOutput output, Spend spend) implements AiOutcome {}

  /**
   * No answer.
   *
   * @param code {@code AI_PROVIDERS_FAILED}, {@code MODEL_NOT_ALLOWED}, {@code BUDGET_EXCEEDED},
   *     {@code INVALID_INPUT} or {@code QUOTA_UNAVAILABLE}
   * @param retryable whether the node's retry policy should try again
   * @param quotaExhausted no provider was called because every usable one had used up its daily
   *     quota (the OpenAI-compatible door answers 429 then, not 502)
   * @param deadlineReached the deadline cut a call short or left a provider untried: the step timed
   *     out rather than every provider failing
   */
  record Failed(
      String code,
      String message,
      boolean retryable,
      Spend spend,
      boolean quotaExhausted,
      boolean deadlineReached)
      implements AiOutcome {

    public Failed(String code, String message, boolean retryable, Spend spend) {
      this(code, message, retryable, spend, false, false);
    }
  }

  /** Provider calls made, tokens and cost, over the whole step. */
  record Spend(int aiCalls, long totalTokens, double costUsd) {

    public static final Spend NONE = new Spend(0, 0, 0);
  }
}
