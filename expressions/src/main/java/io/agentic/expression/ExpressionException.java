package io.agentic.expression;

/**
 * Why an expression could not be checked or evaluated. The message names the expression and says
 * what is wrong in plain words; {@link #code()} is the stable error code an API answers with.
 */
public class ExpressionException extends RuntimeException {

  /** The text does not parse or type-check. */
  public static final String INVALID = "EXPRESSION_INVALID";

  /** Evaluation failed: no such key, wrong types, division by zero, a missing input... */
  public static final String ERROR = "EXPRESSION_ERROR";

  /** Too long, too deeply nested, too many iterations, too large a value or too slow. */
  public static final String LIMIT = "EXPRESSION_LIMIT";

  private static final int SHOWN_CHARACTERS = 160;

  private final String code;
  private final String expression;

  public ExpressionException(String code, String expression, String message) {
    // User errors, expected in normal operation: a stack trace would only point into CEL.
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

  static ExpressionException invalid(String expression, String reason) {
    return new ExpressionException(
        INVALID, expression, "Expression " + shown(expression) + " is invalid: " + reason);
  }

  static ExpressionException failed(String expression, String reason) {
    return new ExpressionException(
        ERROR, expression, "Expression " + shown(expression) + " failed: " + reason);
  }

  static ExpressionException limit(String expression, String reason) {
    return new ExpressionException(
        LIMIT, expression, "Expression " + shown(expression) + " exceeds a limit: " + reason);
  }

  static ExpressionException of(String code, String expression, String reason) {
    return switch (code) {
      case INVALID -> invalid(expression, reason);
      case LIMIT -> limit(expression, reason);
      default -> failed(expression, reason);
    };
  }

  private static String shown(String expression) {
    if (expression == null) {
      return "(none)";
    }
    String oneLine = expression.strip().replaceAll("\\s+", " ");
    return "\""
        + (oneLine.length() <= SHOWN_CHARACTERS
            ? oneLine
            : oneLine.substring(0, SHOWN_CHARACTERS) + "…")
        + "\"";
  }
}
