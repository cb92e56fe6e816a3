package io.agentic.execution.workflows;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Workflows as execution-service sees them: from its read model, or, for what the read model has
 * not seen yet, from workflow-service once. Versions fetched that way are kept (they are
 * immutable); access is not (the topic is its source of truth).
 */
@Component
public class WorkflowCatalog {

  private final WorkflowReadModel model;
  private final WorkflowServiceClient client;

  /** Versions are immutable: once read, one is kept here instead of parsed again on every start. */
  private final Cache<String, WorkflowVersion> versions =
      Caffeine.newBuilder().maximumSize(1_000).build();

  WorkflowCatalog(WorkflowReadModel model, WorkflowServiceClient client) {
    this.model = model;
    this.client = client;
  }

  /**
   * @param authorization the caller's {@code Authorization} header, forwarded if workflow-service
   *     must be asked
   */
  public Optional<WorkflowAccess> access(String workflowId, String authorization) {
    Optional<WorkflowAccess> known = model.access(workflowId);
    if (known.isPresent()) {
      return known;
    }
    return client
        .workflow(workflowId, authorization)
        .filter(w -> workflowId.equals(w.id()))
        .map(
            w -> {
              remember(w);
              return accessOf(w);
            });
  }

  /** The read model's access record only, for checks that must not call out (listing). */
  public Optional<WorkflowAccess> knownAccess(String workflowId) {
    return model.access(workflowId);
  }

  public Optional<WorkflowVersion> version(String workflowId, int version, String authorization) {
    String key = workflowId + ":" + version;
    WorkflowVersion kept = versions.getIfPresent(key);
    if (kept != null) {
      return Optional.of(kept);
    }
    Optional<WorkflowVersion> found = model.version(workflowId, version);
    if (found.isEmpty()) {
      found =
          client
              .version(workflowId, version, authorization)
              .filter(w -> w.version() == version && workflowId.equals(w.id()))
              .map(this::remember);
    }
    found.ifPresent(v -> versions.put(key, v));
    return found;
  }

  public Set<String> ownedBy(String userId) {
    return model.ownedBy(userId);
  }

  private WorkflowVersion remember(WorkflowServiceClient.RemoteWorkflow w) {
    WorkflowVersion version =
        new WorkflowVersion(
            w.id(),
            w.version(),
            w.name(),
            w.ownerId(),
            w.nodes() == null ? List.of() : w.nodes(),
            w.edges() == null ? List.of() : w.edges());
    if (w.nodes() != null && w.version() > 0) {
      model.save(version);
    }
    return version;
  }

  private static WorkflowAccess accessOf(WorkflowServiceClient.RemoteWorkflow w) {
    WorkflowServiceClient.Permissions p = w.permissions();
    List<String> owners =
        p != null && p.owners() != null
            ? p.owners()
            : w.ownerId() == null ? List.of() : List.of(w.ownerId());
    return new WorkflowAccess(
        w.id(),
        owners,
        p == null || p.editors() == null ? List.of() : p.editors(),
        p == null || p.viewers() == null ? List.of() : p.viewers(),
        Boolean.TRUE.equals(w.isPublic()),
        w.status() == null ? "active" : w.status(),
        false,
        w.version(),
        w.updatedAt());
  }
}
