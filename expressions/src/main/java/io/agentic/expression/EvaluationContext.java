package io.agentic.expression;

import java.util.Map;

/**
 * What an expression sees. {@code inputs}: the execution inputs; {@code nodeOutputs}: node id →
 * that node's output (any JSON value), reached as {@code nodes.<id>.output}; {@code execution}:
 * {@code id}, {@code workflowId}, {@code startedAt} (ISO string). Values are JSON-like trees (maps,
 * lists, strings, numbers, booleans, null); they are read, never copied up front and never
 * evaluated. A null map counts as empty.
 */
public record EvaluationContext(
    Map<String, Object> inputs, Map<String, Object> nodeOutputs, Map<String, Object> execution) {

  public EvaluationContext {
    inputs = inputs == null ? Map.of() : inputs;
    nodeOutputs = nodeOutputs == null ? Map.of() : nodeOutputs;
    execution = execution == null ? Map.of() : execution;
  }

  /** A context with inputs only, for checks and tests. */
  public static EvaluationContext ofInputs(Map<String, Object> inputs) {
    return new EvaluationContext(inputs, Map.of(), Map.of());
  }
}
