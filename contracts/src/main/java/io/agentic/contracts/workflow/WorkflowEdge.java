package io.agentic.contracts.workflow;

/**
 * A directed edge. {@code sourceHandle} is {@code "true"}/{@code "false"} out of a CONDITION and
 * {@code "error"} out of a node with {@code onError: branch}; null otherwise.
 */
public record WorkflowEdge(String id, String source, String target, String sourceHandle) {}
