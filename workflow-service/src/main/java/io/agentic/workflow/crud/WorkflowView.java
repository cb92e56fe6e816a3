package io.agentic.workflow.crud;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.agentic.workflow.graph.Edge;
import io.agentic.workflow.graph.Node;
import io.agentic.workflow.store.GraphJson;
import io.agentic.workflow.store.Permissions;
import io.agentic.workflow.store.WorkflowDocument;
import io.agentic.workflow.store.WorkflowVersionDocument;
import java.time.Instant;
import java.util.List;

/** A workflow as the API answers it. */
public record WorkflowView(
    String id,
    String name,
    String description,
    List<Node> nodes,
    List<Edge> edges,
    List<String> tags,
    @JsonProperty("isPublic") boolean isPublic,
    String status,
    int version,
    String ownerId,
    Permissions permissions,
    Instant createdAt,
    Instant updatedAt) {

  public static WorkflowView of(WorkflowDocument w) {
    GraphJson.Graph graph = GraphJson.read(w.graph());
    return new WorkflowView(
        w.id(),
        w.name(),
        w.description(),
        graph.nodes(),
        graph.edges(),
        w.tags(),
        w.isPublic(),
        w.status(),
        w.version(),
        w.ownerId(),
        w.permissions(),
        w.createdAt(),
        w.updatedAt());
  }

  /**
   * A saved version: its content as it was, with today's owner, permissions and visibility (who may
   * read it is decided now, not when it was saved); {@code updatedAt} is when it was saved.
   */
  public static WorkflowView of(WorkflowDocument current, WorkflowVersionDocument version) {
    GraphJson.Graph graph = GraphJson.read(version.graph());
    return new WorkflowView(
        current.id(),
        version.name(),
        version.description(),
        graph.nodes(),
        graph.edges(),
        version.tags(),
        current.isPublic(),
        version.status(),
        version.version(),
        current.ownerId(),
        current.permissions(),
        current.createdAt(),
        version.savedAt());
  }

  /** The strong entity tag of a workflow at {@code version}. */
  public static String etag(int version) {
    return "\"" + version + "\"";
  }
}
