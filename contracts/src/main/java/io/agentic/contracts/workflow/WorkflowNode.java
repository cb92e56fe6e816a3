package io.agentic.contracts.workflow;

import java.util.Map;

/**
 * One node of a saved workflow version, as the engine runs it.
 *
 * @param id unique within the workflow
 * @param type what the node does
 * @param name a label for people, may be null
 * @param data the type's settings; strings may hold {@code {{ expr }}} templates
 * @param retry null for a single attempt
 * @param timeoutMs null for the default node timeout
 * @param onError null means {@link OnError#FAIL}
 */
public record WorkflowNode(
    String id,
    NodeType type,
    String name,
    Map<String, Object> data,
    RetryPolicy retry,
    Long timeoutMs,
    OnError onError) {}
