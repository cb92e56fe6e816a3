package io.agentic.execution.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a parent's decision asks for when one of its SUB_WORKFLOW or LOOP nodes needs a child
 * execution. The child runs as the user who started the root, on the latest version of {@code
 * workflowId} that user may read.
 *
 * @param executionId the child's id, derived from the parent's id, node, attempt and item, so that
 *     asking twice creates one child
 * @param depth the child's nesting depth (a root is 0)
 * @param workflowChain the workflow ids from the root down to the child, the child's included
 * @param deadline the parent's deadline: a child never outlives the execution waiting for it
 */
public record ChildStart(
    String executionId,
    String workflowId,
    Map<String, Object> inputs,
    String userId,
    String userRole,
    ParentLink parent,
    String rootExecutionId,
    int depth,
    List<String> workflowChain,
    Instant deadline) {}
