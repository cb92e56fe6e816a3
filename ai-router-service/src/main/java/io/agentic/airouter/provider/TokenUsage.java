package io.agentic.airouter.provider;

/** Tokens one call consumed, as the provider reported them. */
public record TokenUsage(long promptTokens, long completionTokens, long totalTokens) {

  public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

  /** Usage from the parts a provider reported; a missing total is the sum of the parts. */
  public static TokenUsage of(long prompt, long completion, long total) {
    return new TokenUsage(prompt, completion, total > 0 ? total : prompt + completion);
  }

  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        promptTokens + other.promptTokens,
        completionTokens + other.completionTokens,
        totalTokens + other.totalTokens);
  }
}
