package io.agentic.execution.engine;

/**
 * The expression language as the engine needs it (CEL in production). Both methods throw {@link
 * EvaluationFailed} when an expression cannot be evaluated; they never run I/O.
 */
public interface Evaluator {

  /** The value of a bare expression (TRANSFORM, CONDITION, OUTPUT). */
  Object evaluate(String expression, Scope scope);

  /**
   * A copy of {@code tree} (maps, lists, scalars) with every {@code {{ expr }}} template in its
   * strings resolved: a string that is exactly one template takes the value with its type.
   */
  Object resolveTree(Object tree, Scope scope);
}
