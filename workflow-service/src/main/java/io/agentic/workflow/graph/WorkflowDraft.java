package io.agentic.workflow.graph;

import java.util.List;

/** Everything of a workflow that a save validates: its descriptive fields and its graph. */
public record WorkflowDraft(
    String name, String description, List<String> tags, List<Node> nodes, List<Edge> edges) {}
