package io.agentic.expression;

import dev.cel.common.CelErrorCode;
import dev.cel.common.CelIssue;
import dev.cel.common.CelSourceLocation;
import dev.cel.runtime.CelEvaluationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CEL's parser, checker and runtime messages in plain words: operators shown as written ({@code +}
 * rather than {@code _+_}), no parser jargon, no internal overload ids or Java class names.
 */
final class CelMessages {

  private static final Map<String, String> OPERATORS =
      Map.ofEntries(
          Map.entry("_+_", "+"),
          Map.entry("_-_", "-"),
          Map.entry("_*_", "*"),
          Map.entry("_/_", "/"),
          Map.entry("_%_", "%"),
          Map.entry("_==_", "=="),
          Map.entry("_!=_", "!="),
          Map.entry("_<_", "<"),
          Map.entry("_<=_", "<="),
          Map.entry("_>_", ">"),
          Map.entry("_>=_", ">="),
          Map.entry("_&&_", "&&"),
          Map.entry("_||_", "||"),
          Map.entry("!_", "!"),
          Map.entry("-_", "-"),
          Map.entry("_[_]", "[]"),
          Map.entry("_?_:_", "?:"),
          Map.entry("@in", "in"));

  private static final Pattern QUOTED_OPERATOR = Pattern.compile("'(_[^']*_|!_|-_|@in)'");
  private static final Pattern CONTAINER = Pattern.compile("\\s*\\(in container '[^']*'\\)");
  private static final Pattern CANDIDATES = Pattern.compile("\\s*\\(candidates: .*\\)$");
  private static final Pattern JAVA_NAME =
      Pattern.compile(
          "\\b(?:java|javax|com|dev|org)\\.[A-Za-z0-9_.$]*(?:Exception|Error)\\b:?\\s*");
  private static final Pattern RUNTIME_PREFIX =
      Pattern.compile("^evaluation error(?: at [^:]*:\\d+)?:\\s*");
  private static final Pattern FUNCTION_FAILED =
      Pattern.compile("[Ff]unction '([^']*)' failed with arg\\(s\\)");
  private static final int MAX_REASON_LENGTH = 300;
  private static final Pattern MISSING_KEY =
      Pattern.compile("key '(.*)' is not present in map\\.?");

  private CelMessages() {}

  static List<String> describe(List<CelIssue> issues) {
    return issues.stream().map(CelMessages::describe).distinct().toList();
  }

  static boolean isDepthLimit(String message) {
    return message.toLowerCase(Locale.ROOT).contains("recursion limit");
  }

  private static String describe(CelIssue issue) {
    String message = plain(issue.getMessage());
    if (isDepthLimit(message)) {
      return "it is nested too deeply";
    }
    CelSourceLocation where = issue.getSourceLocation();
    if (where == null || where.getLine() < 1) {
      return message;
    }
    int column = where.getColumn() + 1;
    return where.getLine() == 1
        ? message + " (at column " + column + ")"
        : message + " (at line " + where.getLine() + ", column " + column + ")";
  }

  static String plain(String message) {
    if (message == null || message.isBlank()) {
      return "it could not be evaluated";
    }
    String plain = CONTAINER.matcher(message.strip()).replaceAll("");
    plain = CANDIDATES.matcher(plain).replaceAll("");
    plain = JAVA_NAME.matcher(plain).replaceAll("");
    plain = plain.replaceFirst("^token recognition error at: ", "unexpected character ");
    plain = plain.replaceFirst("^(?:mismatched|extraneous) input '<EOF>'.*", "unexpected end");
    plain = plain.replaceFirst("^(?:mismatched|extraneous) input ('[^']*').*", "unexpected $1");
    plain = plain.replaceFirst("^no viable alternative at input ", "cannot read ");
    plain = plain.replaceFirst("^undeclared reference to ", "unknown function or name ");
    plain = plain.replaceFirst("^found no matching overload", "no matching overload");
    Matcher operator = QUOTED_OPERATOR.matcher(plain);
    plain =
        operator.replaceAll(
            match ->
                Matcher.quoteReplacement(
                    "'" + OPERATORS.getOrDefault(match.group(1), match.group(1)) + "'"));
    plain = plain.strip();
    if (plain.length() > MAX_REASON_LENGTH) {
      plain = plain.substring(0, MAX_REASON_LENGTH) + "…";
    }
    return plain.isEmpty()
        ? "it could not be evaluated"
        : Character.toLowerCase(plain.charAt(0)) + plain.substring(1);
  }

  /** The reason an evaluation failed, as a code ({@link ExpressionException}) and plain words. */
  record RuntimeFailure(String code, String reason) {}

  static RuntimeFailure describe(CelEvaluationException e, int maxIterations) {
    String message = RUNTIME_PREFIX.matcher(String.valueOf(e.getMessage())).replaceFirst("");
    Matcher functionFailed = FUNCTION_FAILED.matcher(message);
    if (functionFailed.lookingAt()) {
      // CEL's own text lists every argument, which may be huge or private: give the cause instead.
      Throwable cause = e.getCause();
      String why =
          cause == null || cause.getMessage() == null ? "" : ": " + plain(cause.getMessage());
      return new RuntimeFailure(
          ExpressionException.ERROR, "function '" + functionFailed.group(1) + "' failed" + why);
    }
    CelErrorCode code = e.getErrorCode();
    if (code == null) {
      return new RuntimeFailure(ExpressionException.ERROR, plain(message));
    }
    return switch (code) {
      case ITERATION_BUDGET_EXCEEDED ->
          new RuntimeFailure(
              ExpressionException.LIMIT,
              "it ran more than " + maxIterations + " comprehension iterations");
      case DIVIDE_BY_ZERO -> new RuntimeFailure(ExpressionException.ERROR, "division by zero");
      case NUMERIC_OVERFLOW ->
          new RuntimeFailure(ExpressionException.ERROR, "a number is out of range");
      case ATTRIBUTE_NOT_FOUND -> new RuntimeFailure(ExpressionException.ERROR, noSuchKey(message));
      case OVERLOAD_NOT_FOUND ->
          new RuntimeFailure(ExpressionException.ERROR, noMatchingOverload(message));
      case BAD_FORMAT ->
          new RuntimeFailure(ExpressionException.ERROR, "bad format: " + plain(message));
      default ->
          message.contains("exceeds allowed program size")
              ? new RuntimeFailure(ExpressionException.LIMIT, "a regular expression is too large")
              : new RuntimeFailure(ExpressionException.ERROR, plain(message));
    };
  }

  private static String noSuchKey(String message) {
    Matcher missing = MISSING_KEY.matcher(message.strip());
    if (missing.matches()) {
      return "no such key '" + missing.group(1) + "'";
    }
    return message.strip().contains(" ") ? plain(message) : "no such key '" + message.strip() + "'";
  }

  private static String noMatchingOverload(String message) {
    Matcher function = Pattern.compile("function '([^']*)'").matcher(message);
    String name =
        function.find() ? OPERATORS.getOrDefault(function.group(1), function.group(1)) : "";
    return name.isEmpty()
        ? "no matching overload for these argument types"
        : "'" + name + "' cannot be applied to values of these types";
  }
}
