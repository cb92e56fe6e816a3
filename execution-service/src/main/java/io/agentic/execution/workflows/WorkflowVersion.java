package io.agentic.execution.workflows;

import io.agentic.contracts.workflow.WorkflowEdge;
import io.agentic.contracts.workflow.WorkflowNode;
import java.util.List;

/** A saved, immutable workflow version, as executions run it. */
public record WorkflowVersion(
    String workflowId,
    int version,
    String name,
    String ownerId,
    List<WorkflowNode> nodes,
    List<WorkflowEdge> edges) {}
