package io.agentic.workflow.graph;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a rule needs while it checks one node's {@code data}: where to report, how to compile CEL,
 * and how to name the node in messages.
 */
final class DataCheck {

  private static final Pattern PLAIN_KEY = Pattern.compile("[$A-Za-z_][A-Za-z0-9_]*");

  private final Violations out;
  private final ExpressionChecker expressions;
  private final String nodeLabel;

  DataCheck(Violations out, ExpressionChecker expressions, String nodeLabel) {
    this.out = out;
    this.expressions = expressions;
    this.nodeLabel = nodeLabel;
  }

  void fail(String path, String message) {
    out.add(path, nodeLabel + ": " + message);
  }

  /** Compiles a bare expression, reporting each problem against the node. */
  void expression(String path, String expression) {
    for (String problem : expressions.check(expression)) {
      out.addExpression(path, nodeLabel + ": invalid expression: " + problem);
    }
  }

  /** Compiles every {@code {{ expr }}} of a template string. */
  void template(String path, String template) {
    List<String> inside;
    try {
      inside = expressions.templateExpressions(template);
    } catch (TemplateSyntaxException e) {
      out.addExpression(path, nodeLabel + ": invalid template: " + e.getMessage());
      return;
    }
    for (String expression : inside) {
      for (String problem : expressions.check(expression)) {
        out.addExpression(
            path,
            nodeLabel + ": invalid expression in template {{" + expression + "}}: " + problem);
      }
    }
  }

  /** Whether a template string holds at least one expression (so its final value is unknown). */
  boolean hasTemplates(String template) {
    try {
      return !expressions.templateExpressions(template).isEmpty();
    } catch (TemplateSyntaxException e) {
      return true;
    }
  }

  static String child(String path, String key) {
    return PLAIN_KEY.matcher(key).matches()
        ? path + "." + key
        : path + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }

  static String element(String path, int index) {
    return path + "[" + index + "]";
  }
}
