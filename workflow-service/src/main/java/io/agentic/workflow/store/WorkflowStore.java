package io.agentic.workflow.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code workflows} and {@code workflow_versions} collections. Every change to a workflow is a
 * single-document update guarded by what the caller read (its version, or the pending token), so
 * concurrent requests never overwrite each other silently.
 */
@Component
public class WorkflowStore implements InitializingBean {

  /** A page of documents and how many match in all. */
  public record Slice<T>(List<T> items, long total) {}

  private final MongoTemplate mongo;

  WorkflowStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void afterPropertiesSet() {
    var workflows = mongo.indexOps(WorkflowDocument.class);
    workflows.createIndex(new Index().on("permissions.owners", Sort.Direction.ASC));
    workflows.createIndex(new Index().on("permissions.editors", Sort.Direction.ASC));
    workflows.createIndex(new Index().on("permissions.viewers", Sort.Direction.ASC));
    workflows.createIndex(new Index().on("updatedAt", Sort.Direction.DESC));
    workflows.createIndex(new Index().on("pendingSince", Sort.Direction.ASC).sparse());
    mongo
        .indexOps(WorkflowVersionDocument.class)
        .createIndex(
            new Index()
                .on("workflowId", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC)
                .unique()
                .named("workflowId_version_unique"));
  }

  /** The time to store: MongoDB keeps milliseconds, so answers use no more than that. */
  public static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  public void insert(WorkflowDocument workflow) {
    mongo.insert(workflow);
  }

  /** The workflow unless it is absent or deleted. */
  public Optional<WorkflowDocument> find(String id) {
    return Optional.ofNullable(
        mongo.findOne(query(where("_id").is(id).and("deleted").ne(true)), WorkflowDocument.class));
  }

  /** The workflow, deleted or not (until its deletion has been published). */
  public Optional<WorkflowDocument> findAny(String id) {
    return Optional.ofNullable(mongo.findById(id, WorkflowDocument.class));
  }

  public Slice<WorkflowDocument> list(Criteria criteria, int page, int size) {
    Query q = query(criteria);
    long total = mongo.count(q, WorkflowDocument.class);
    q.with(Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("_id")))
        .skip((long) page * size)
        .limit(size);
    return new Slice<>(mongo.find(q, WorkflowDocument.class), total);
  }

  /**
   * Saves new content as version {@code expectedVersion + 1}, only if the workflow is still at
   * {@code expectedVersion}.
   *
   * @return false when another save came first (or the workflow is gone)
   */
  public boolean saveContent(
      String id, int expectedVersion, Content content, String userId, Instant now, String token) {
    Update update =
        new Update()
            .set("name", content.name())
            .set("description", content.description())
            .set("graph", content.graph())
            .set("tags", content.tags())
            .set("status", content.status())
            .set("isPublic", content.isPublic())
            .set("version", expectedVersion + 1)
            .set("updatedAt", now)
            .set("updatedBy", userId);
    pending(update, now, token);
    return mongo
            .updateFirst(
                query(
                    where("_id").is(id).and("version").is(expectedVersion).and("deleted").ne(true)),
                update,
                WorkflowDocument.class)
            .getMatchedCount()
        == 1;
  }

  /** What a save replaces. */
  public record Content(
      String name,
      String description,
      String graph,
      List<String> tags,
      String status,
      boolean isPublic) {}

  public boolean savePermissions(
      String id, Permissions permissions, boolean isPublic, Instant now, String token) {
    Update update =
        new Update()
            .set("permissions", permissions)
            .set("isPublic", isPublic)
            .set("updatedAt", now);
    pending(update, now, token);
    return mongo
            .updateFirst(
                query(where("_id").is(id).and("deleted").ne(true)), update, WorkflowDocument.class)
            .getMatchedCount()
        == 1;
  }

  public boolean markDeleted(String id, Instant now, String token) {
    Update update = new Update().set("deleted", true).set("updatedAt", now);
    pending(update, now, token);
    return mongo
            .updateFirst(
                query(where("_id").is(id).and("deleted").ne(true)), update, WorkflowDocument.class)
            .getMatchedCount()
        == 1;
  }

  private static void pending(Update update, Instant now, String token) {
    update.set("pendingToken", token).set("pendingSince", now);
  }

  /** Records that every version up to {@code version} has been published. */
  public void markAnnounced(String id, int version) {
    mongo.updateFirst(
        query(where("_id").is(id)),
        new Update().max("announcedVersion", version),
        WorkflowDocument.class);
  }

  /**
   * Ends the pending state of the change that set {@code token}. A later change set its own token
   * and stays pending until it is published in turn.
   */
  public void clearPending(String id, String token) {
    mongo.updateFirst(
        query(where("_id").is(id).and("pendingToken").is(token)),
        new Update().unset("pendingToken").unset("pendingSince"),
        WorkflowDocument.class);
  }

  /** Removes a deleted workflow and its versions once the deletion has been published. */
  public void removeDeleted(String id, String token) {
    long removed =
        mongo
            .remove(
                query(where("_id").is(id).and("deleted").is(true).and("pendingToken").is(token)),
                WorkflowDocument.class)
            .getDeletedCount();
    if (removed == 1) {
      mongo.remove(query(where("workflowId").is(id)), WorkflowVersionDocument.class);
    }
  }

  /** Workflows with a change that has stayed unpublished since before {@code before}. */
  public List<WorkflowDocument> pendingBefore(Instant before, int limit) {
    Query q = query(where("pendingSince").lt(before)).limit(limit);
    q.with(Sort.by("pendingSince"));
    return mongo.find(q, WorkflowDocument.class);
  }

  /** Stores a version; a second write of the same version leaves the first in place. */
  public void insertVersion(WorkflowVersionDocument version) {
    try {
      mongo.insert(version);
    } catch (DuplicateKeyException e) {
      // Versions are immutable: whoever wrote it first wrote the same content.
    }
  }

  public Optional<WorkflowVersionDocument> findVersion(String workflowId, int version) {
    return Optional.ofNullable(
        mongo.findById(
            WorkflowVersionDocument.idOf(workflowId, version), WorkflowVersionDocument.class));
  }

  public boolean versionExists(String workflowId, int version) {
    return mongo.exists(
        query(where("_id").is(WorkflowVersionDocument.idOf(workflowId, version))),
        WorkflowVersionDocument.class);
  }

  /** Versions newest first, without their graphs. */
  public Slice<WorkflowVersionDocument> listVersions(String workflowId, int page, int size) {
    Query q = query(where("workflowId").is(workflowId));
    long total = mongo.count(q, WorkflowVersionDocument.class);
    q.with(Sort.by(Sort.Order.desc("version"))).skip((long) page * size).limit(size);
    q.fields().exclude("graph");
    return new Slice<>(new ArrayList<>(mongo.find(q, WorkflowVersionDocument.class)), total);
  }
}
