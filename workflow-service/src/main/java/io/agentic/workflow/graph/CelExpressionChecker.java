package io.agentic.workflow.graph;

import io.agentic.expression.ExpressionException;
import io.agentic.expression.Expressions;
import java.util.List;

/** The checker backed by the CEL environment executions are evaluated in. */
public final class CelExpressionChecker implements ExpressionChecker {

  private final Expressions expressions;

  public CelExpressionChecker(Expressions expressions) {
    this.expressions = expressions;
  }

  @Override
  public List<String> check(String expression) {
    return expressions.check(expression);
  }

  @Override
  public List<String> templateExpressions(String template) {
    try {
      return Expressions.templateExpressions(template);
    } catch (ExpressionException e) {
      throw new TemplateSyntaxException(e.getMessage());
    }
  }
}
