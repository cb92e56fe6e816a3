package io.agentic.workflow.store;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One saved version in {@code workflow_versions}, never changed once written. The id is {@code
 * workflowId:version}, and a unique index on (workflowId, version) backs it.
 */
@Document(WorkflowVersionDocument.COLLECTION)
public record WorkflowVersionDocument(
    @Id String id,
    String workflowId,
    int version,
    String name,
    String description,
    String graph,
    List<String> tags,
    String status,
    String savedBy,
    Instant savedAt) {

  public static final String COLLECTION = "workflow_versions";

  public static String idOf(String workflowId, int version) {
    return workflowId + ":" + version;
  }

  /** The version a workflow document holds now. */
  public static WorkflowVersionDocument of(WorkflowDocument w) {
    return new WorkflowVersionDocument(
        idOf(w.id(), w.version()),
        w.id(),
        w.version(),
        w.name(),
        w.description(),
        w.graph(),
        w.tags(),
        w.status(),
        w.updatedBy(),
        w.updatedAt());
  }
}
