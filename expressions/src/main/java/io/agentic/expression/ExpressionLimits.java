package io.agentic.expression;

import java.time.Duration;

/**
 * Bounds on every expression.
 *
 * @param maxLength longest expression text, in characters (code points)
 * @param maxDepth deepest nesting the parser accepts (each operand of a chain of {@code +} counts)
 * @param maxIterations comprehension iterations ({@code map}, {@code filter}, {@code all}...)
 *     across one whole evaluation; also the longest {@code lists.range(n)}
 * @param timeout wall-clock budget of one evaluation
 * @param cacheSize how many compiled expressions are kept (least recently used go first)
 */
public record ExpressionLimits(
    int maxLength, int maxDepth, int maxIterations, Duration timeout, int cacheSize) {

  public ExpressionLimits {
    if (maxLength < 1 || maxDepth < 1 || maxIterations < 1 || cacheSize < 1) {
      throw new IllegalArgumentException("expression limits must be positive");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("expression timeout must be positive");
    }
  }

  /** 4096 characters, depth 64, 10,000 iterations, 100 ms, 1024 cached programs. */
  public static ExpressionLimits defaults() {
    return new ExpressionLimits(4096, 64, 10_000, Duration.ofMillis(100), 1024);
  }
}
