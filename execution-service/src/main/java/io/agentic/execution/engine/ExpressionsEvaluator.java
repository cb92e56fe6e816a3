package io.agentic.execution.engine;

import io.agentic.expression.EvaluationContext;
import io.agentic.expression.ExpressionException;
import io.agentic.expression.Expressions;

/** The engine's {@link Evaluator} on the suite's CEL environment, bounded in cost and time. */
public final class ExpressionsEvaluator implements Evaluator {

  private final Expressions expressions;

  public ExpressionsEvaluator(Expressions expressions) {
    this.expressions = expressions;
  }

  @Override
  public Object evaluate(String expression, Scope scope) {
    try {
      return expressions.evaluate(expression, context(scope));
    } catch (ExpressionException e) {
      throw new EvaluationFailed(e.code(), e.expression(), e.getMessage());
    } catch (RuntimeException e) {
      // Whatever the cause, a bad expression fails its node, never the orchestrator.
      throw new EvaluationFailed(
          ExpressionException.ERROR, expression, String.valueOf(e.getMessage()));
    }
  }

  @Override
  public Object resolveTree(Object tree, Scope scope) {
    try {
      return expressions.resolveTree(tree, context(scope));
    } catch (ExpressionException e) {
      throw new EvaluationFailed(e.code(), e.expression(), e.getMessage());
    } catch (RuntimeException e) {
      throw new EvaluationFailed(ExpressionException.ERROR, null, String.valueOf(e.getMessage()));
    }
  }

  private static EvaluationContext context(Scope scope) {
    return new EvaluationContext(scope.inputs(), scope.nodeOutputs(), scope.execution());
  }
}
