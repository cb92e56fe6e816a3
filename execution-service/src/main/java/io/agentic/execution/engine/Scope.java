package io.agentic.execution.engine;

import java.util.Map;

/**
 * What an expression sees.
 *
 * @param inputs the execution's inputs
 * @param nodeOutputs {@code nodeId -> output} of every node that has delivered an output
 * @param execution {@code id}, {@code workflowId}, {@code startedAt}
 */
public record Scope(
    Map<String, Object> inputs, Map<String, Object> nodeOutputs, Map<String, Object> execution) {}
