package io.agentic.execution.engine;

/**
 * Why an execution failed.
 *
 * @param nodeId the node whose failure ended the execution, null for execution-level causes
 */
public record ExecutionError(String code, String message, String nodeId) {}
