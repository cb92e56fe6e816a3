package io.agentic.expression;

/**
 * Thrown from inside an evaluation (the budget listener, a bounded function, the variable resolver)
 * to stop it; CEL wraps it, and {@link Evaluator} unwraps it into an {@link ExpressionException}
 * with the same code and reason.
 */
final class EvaluationAbort extends RuntimeException {

  private final String code;

  private EvaluationAbort(String code, String reason) {
    super(reason, null, false, false);
    this.code = code;
  }

  static EvaluationAbort limit(String reason) {
    return new EvaluationAbort(ExpressionException.LIMIT, reason);
  }

  static EvaluationAbort error(String reason) {
    return new EvaluationAbort(ExpressionException.ERROR, reason);
  }

  ExpressionException toException(String expression) {
    return ExpressionException.of(code, expression, getMessage());
  }

  /** The abort somewhere in the cause chain of {@code thrown}, if any. */
  static EvaluationAbort findIn(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof EvaluationAbort abort) {
        return abort;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
