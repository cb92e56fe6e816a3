package io.agentic.workflow.graph;

import java.util.List;

/**
 * Compiles the CEL a workflow holds, without running it. The validator depends on this port only,
 * so it can be tested without the CEL environment.
 */
public interface ExpressionChecker {

  /** What is wrong with a bare expression; empty when it compiles. */
  List<String> check(String expression);

  /**
   * The expressions inside a template's {@code {{ }}} pairs, in order; none for plain text.
   *
   * @throws TemplateSyntaxException when the braces do not pair up
   */
  List<String> templateExpressions(String template);
}
