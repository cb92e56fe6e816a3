package io.agentic.expression;

import dev.cel.runtime.CelEvaluationException;

/** Runs a compiled expression against a context within the budget, returning a JSON value. */
final class Evaluator {

  private final ExpressionLimits limits;
  private final long maxUnits;

  Evaluator(ExpressionLimits limits, long maxUnits) {
    this.limits = limits;
    this.maxUnits = maxUnits;
  }

  Object evaluate(Compilation.Compiled compiled, EvaluationContext context) {
    String text = compiled.text();
    try {
      var budget = new EvaluationBudget(limits.timeout(), compiled.accumulationSteps(), maxUnits);
      var variables = new ContextVariables(context, compiled.inputNames());
      return CelToJson.convert(compiled.program().trace(variables, budget), budget);
    } catch (CelEvaluationException e) {
      EvaluationAbort abort = EvaluationAbort.findIn(e);
      if (abort != null) {
        throw abort.toException(text);
      }
      CelMessages.RuntimeFailure failure = CelMessages.describe(e, limits.maxIterations());
      throw ExpressionException.of(failure.code(), text, failure.reason());
    } catch (StackOverflowError e) {
      throw ExpressionException.limit(text, "it is nested too deeply");
    } catch (RuntimeException e) {
      EvaluationAbort abort = EvaluationAbort.findIn(e);
      if (abort != null) {
        throw abort.toException(text);
      }
      throw ExpressionException.failed(text, CelMessages.plain(e.getMessage()));
    }
  }
}
