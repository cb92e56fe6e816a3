package io.agentic.workflow.crud;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.agentic.workflow.graph.Edge;
import io.agentic.workflow.graph.Node;
import io.agentic.workflow.graph.WorkflowDraft;
import java.util.List;

/**
 * The body of {@code POST /api/workflows} and {@code PUT /api/workflows/{id}}. A PUT replaces name,
 * description, nodes, edges and tags as sent (absent means empty); {@code status} and {@code
 * isPublic} are kept when absent.
 */
public record WorkflowRequest(
    String name,
    String description,
    List<Node> nodes,
    List<Edge> edges,
    List<String> tags,
    String status,
    @JsonProperty("isPublic") Boolean isPublic) {

  WorkflowDraft draft() {
    return new WorkflowDraft(name, description, tags, nodes, edges);
  }

  List<Node> nodesOrEmpty() {
    return nodes == null ? List.of() : nodes.stream().map(Node::normalized).toList();
  }

  List<Edge> edgesOrEmpty() {
    return edges == null ? List.of() : edges;
  }

  /** The tags without repeats, in the order given. */
  List<String> distinctTags() {
    return tags == null ? List.of() : tags.stream().distinct().toList();
  }

  String descriptionOrEmpty() {
    return description == null ? "" : description;
  }
}
