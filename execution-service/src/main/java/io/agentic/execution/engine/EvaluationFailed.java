package io.agentic.execution.engine;

/**
 * An expression could not be evaluated.
 *
 * @see #code() {@code EXPRESSION_ERROR}, {@code EXPRESSION_LIMIT} or {@code EXPRESSION_INVALID}
 */
public class EvaluationFailed extends RuntimeException {

  private final String code;
  private final String expression;

  public EvaluationFailed(String code, String expression, String message) {
    super(message, null, false, false);
    this.code = code;
    this.expression = expression;
  }

  public String code() {
    return code;
  }

  public String expression() {
    return expression;
  }
}
