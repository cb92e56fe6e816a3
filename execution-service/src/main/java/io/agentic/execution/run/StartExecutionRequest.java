package io.agentic.execution.run;

import java.util.Map;

/**
 * The body of {@code POST /api/executions}.
 *
 * @param version the workflow version to run; its latest when absent
 */
record StartExecutionRequest(String workflowId, Map<String, Object> inputs, Integer version) {}
