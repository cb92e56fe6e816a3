package io.agentic.workflow.graph;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A directed edge. {@code sourceHandle} is {@code "true"}/{@code "false"} out of a CONDITION,
 * {@code "error"} out of a node with {@code onError: "branch"}, and absent otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Edge(String id, String source, String target, String sourceHandle) {}
