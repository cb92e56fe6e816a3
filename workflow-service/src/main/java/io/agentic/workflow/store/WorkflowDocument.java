package io.agentic.workflow.store;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A workflow's current state in the {@code workflows} collection. {@code version} counts saved
 * versions and guards every save: an update applies only to the version it read.
 *
 * @param graph the nodes and edges as JSON (see {@link GraphJson}): node settings hold user keys
 *     such as {@code $gt} or dotted header names that MongoDB field names cannot carry
 * @param deleted set by DELETE; the document is removed once the deletion has been published
 * @param announcedVersion the newest version already published to {@code workflow.versions.v1}
 * @param pendingToken set by every change until its access record is published; the relay picks up
 *     documents whose change has stayed unpublished since {@code pendingSince}
 */
@Document(WorkflowDocument.COLLECTION)
public record WorkflowDocument(
    @Id String id,
    String name,
    String description,
    String graph,
    List<String> tags,
    @Field("isPublic") boolean isPublic,
    String status,
    int version,
    String ownerId,
    Permissions permissions,
    Instant createdAt,
    Instant updatedAt,
    String updatedBy,
    boolean deleted,
    int announcedVersion,
    String pendingToken,
    Instant pendingSince) {

  public static final String COLLECTION = "workflows";
  public static final String ACTIVE = "active";
  public static final String ARCHIVED = "archived";

  public WorkflowDocument {
    tags = tags == null ? List.of() : List.copyOf(tags);
    permissions = permissions == null ? new Permissions(null, null, null) : permissions;
  }

  /** A new workflow at version 1, owned by its creator alone, pending publication. */
  public static WorkflowDocument created(
      String id, WorkflowStore.Content content, String creatorId, Instant now, String token) {
    return new WorkflowDocument(
        id,
        content.name(),
        content.description(),
        content.graph(),
        content.tags(),
        content.isPublic(),
        content.status(),
        1,
        creatorId,
        Permissions.ownedBy(creatorId),
        now,
        now,
        creatorId,
        false,
        0,
        token,
        now);
  }

  /** This workflow as a successful {@link WorkflowStore#saveContent} leaves it. */
  public WorkflowDocument withContent(
      WorkflowStore.Content content, String userId, Instant now, String token) {
    return new WorkflowDocument(
        id,
        content.name(),
        content.description(),
        content.graph(),
        content.tags(),
        content.isPublic(),
        content.status(),
        version + 1,
        ownerId,
        permissions,
        createdAt,
        now,
        userId,
        deleted,
        announcedVersion,
        token,
        now);
  }

  /** This workflow as a successful {@link WorkflowStore#savePermissions} leaves it. */
  public WorkflowDocument withAccess(
      Permissions newPermissions, boolean newIsPublic, Instant now, String token) {
    return new WorkflowDocument(
        id,
        name,
        description,
        graph,
        tags,
        newIsPublic,
        status,
        version,
        ownerId,
        newPermissions,
        createdAt,
        now,
        updatedBy,
        deleted,
        announcedVersion,
        token,
        now);
  }
}
