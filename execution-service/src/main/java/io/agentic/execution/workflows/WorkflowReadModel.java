package io.agentic.execution.workflows;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import io.agentic.contracts.workflow.WorkflowEdge;
import io.agentic.contracts.workflow.WorkflowNode;
import io.agentic.platform.kafka.ContractJson;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * execution-service's own copy of what it needs from workflow-service: every version it has seen
 * ({@code workflow_versions}) and each workflow's current access ({@code workflow_access}). Never
 * workflow-service's database.
 */
@Component
class WorkflowReadModel {

  /** The graph as JSON text: node data may hold keys MongoDB field names may not. */
  record Graph(List<WorkflowNode> nodes, List<WorkflowEdge> edges) {}

  private final MongoCollection<Document> versions;
  private final MongoCollection<Document> access;

  WorkflowReadModel(MongoTemplate mongo) {
    this.versions = mongo.getCollection("workflow_versions");
    this.access = mongo.getCollection("workflow_access");
    access.createIndex(Indexes.ascending("owners"));
  }

  /** Versions are immutable: storing one again changes nothing. */
  void save(WorkflowVersion v) {
    Document doc =
        new Document("_id", v.workflowId() + ":" + v.version())
            .append("workflowId", v.workflowId())
            .append("version", v.version())
            .append("name", v.name())
            .append("ownerId", v.ownerId())
            .append(
                "graph", ContractJson.mapper().writeValueAsString(new Graph(v.nodes(), v.edges())));
    versions.replaceOne(eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true));
  }

  Optional<WorkflowVersion> version(String workflowId, int version) {
    Document d = versions.find(eq("_id", workflowId + ":" + version)).first();
    if (d == null) {
      return Optional.empty();
    }
    Graph graph = ContractJson.mapper().readValue(d.getString("graph"), Graph.class);
    return Optional.of(
        new WorkflowVersion(
            workflowId,
            version,
            d.getString("name"),
            d.getString("ownerId"),
            graph.nodes() == null ? List.of() : graph.nodes(),
            graph.edges() == null ? List.of() : graph.edges()));
  }

  /** Keeps the newest access record: an older one arriving late does not win. */
  void save(WorkflowAccess a) {
    Date changedAt = a.changedAt() == null ? new Date(0) : Date.from(a.changedAt());
    Document doc =
        new Document("_id", a.workflowId())
            .append("owners", a.owners())
            .append("editors", a.editors())
            .append("viewers", a.viewers())
            .append("isPublic", a.isPublic())
            .append("status", a.status())
            .append("deleted", a.deleted())
            .append("latestVersion", a.latestVersion())
            .append("changedAt", changedAt);
    try {
      access.replaceOne(
          and(
              eq("_id", a.workflowId()),
              or(exists("changedAt", false), lte("changedAt", changedAt))),
          doc,
          new ReplaceOptions().upsert(true));
    } catch (MongoWriteException e) {
      // The filter missed because a newer record is stored, and the upsert hit its id: keep it.
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
  }

  Optional<WorkflowAccess> access(String workflowId) {
    Document d = access.find(eq("_id", workflowId)).first();
    if (d == null) {
      return Optional.empty();
    }
    Date changedAt = d.getDate("changedAt");
    return Optional.of(
        new WorkflowAccess(
            workflowId,
            d.getList("owners", String.class, List.of()),
            d.getList("editors", String.class, List.of()),
            d.getList("viewers", String.class, List.of()),
            d.getBoolean("isPublic", false),
            d.getString("status"),
            d.getBoolean("deleted", false),
            d.getInteger("latestVersion", 1),
            changedAt == null ? null : changedAt.toInstant()));
  }

  Set<String> ownedBy(String userId) {
    Set<String> ids = new HashSet<>();
    access
        .find(and(eq("owners", userId), eq("deleted", false)))
        .projection(Projections.include("_id"))
        .forEach(d -> ids.add(d.getString("_id")));
    return ids;
  }
}
