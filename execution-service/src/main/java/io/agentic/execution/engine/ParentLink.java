package io.agentic.execution.engine;

/**
 * Where a child execution reports its end: the parent execution and the SUB_WORKFLOW or LOOP node
 * (and its attempt and item) that started it.
 *
 * @param index the item's position for a LOOP, 0 for a SUB_WORKFLOW
 */
public record ParentLink(String executionId, String nodeId, int attempt, int index) {}
