package io.agentic.workflow.transfer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.agentic.workflow.graph.Edge;
import io.agentic.workflow.graph.Node;
import io.agentic.workflow.store.GraphJson;
import io.agentic.workflow.store.WorkflowDocument;
import java.util.List;

/**
 * A workflow as a file: what it does, without who owns it, who may use it, its ids or its history.
 * The body of {@code POST /api/workflows/import} and the answer of {@code GET
 * /api/workflows/{id}/export}. Secrets in node settings are exported as {@code "***"}.
 *
 * @param formatVersion {@value #FORMAT_VERSION}; a later format gets a new number
 */
@JsonPropertyOrder({"formatVersion", "name", "description", "tags", "nodes", "edges"})
record PortableWorkflow(
    Integer formatVersion,
    String name,
    String description,
    List<String> tags,
    List<Node> nodes,
    List<Edge> edges) {

  static final int FORMAT_VERSION = 1;

  static PortableWorkflow of(WorkflowDocument w) {
    GraphJson.Graph graph = GraphJson.read(w.graph());
    return new PortableWorkflow(
        FORMAT_VERSION,
        w.name(),
        w.description(),
        w.tags(),
        graph.nodes().stream().map(Redaction::of).toList(),
        graph.edges());
  }
}
