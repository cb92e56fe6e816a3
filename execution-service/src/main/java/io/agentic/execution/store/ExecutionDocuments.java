package io.agentic.execution.store;

import io.agentic.execution.engine.ExecutionState;
import java.util.List;
import org.bson.Document;

/** How an execution is laid out in its document: the state as JSON text, and fields to query. */
final class ExecutionDocuments {

  private ExecutionDocuments() {}

  static List<Document> apartDocuments(List<StoredOutput> apart) {
    return apart.stream()
        .map(
            o ->
                new Document("nodeId", o.nodeId())
                    .append("key", o.key())
                    .append("sizeBytes", o.sizeBytes()))
        .toList();
  }

  /** The fields kept beside the state JSON, for queries. */
  static Document summary(ExecutionState s) {
    return new Document("workflowId", s.workflowId())
        .append("workflowVersion", s.workflowVersion())
        .append("userId", s.userId())
        .append("status", s.status().wire())
        .append("startTime", Dates.toDate(s.startTime()))
        .append("endTime", Dates.toDate(s.endTime()))
        .append("durationMs", s.durationMs())
        .append("deadline", Dates.toDate(s.deadline()))
        .append("rootExecutionId", s.rootExecutionId())
        .append("parentExecutionId", s.parent() == null ? null : s.parent().executionId())
        .append("depth", s.depth())
        .append("state", StateJson.write(s));
  }

  static StoredExecution from(Document d) {
    List<Document> outbox = d.getList("outbox", Document.class, List.of());
    List<Document> apart = d.getList("apart", Document.class, List.of());
    return new StoredExecution(
        StateJson.read(d.getString("state")),
        ((Number) d.get("version")).longValue(),
        ((Number) d.get("partition")).intValue(),
        outbox.stream().map(OutboxEntry::from).toList(),
        d.getString("idempotencyScope"),
        d.getString("requestHash"),
        apart.stream()
            .map(
                a ->
                    new StoredOutput(
                        a.getString("nodeId"),
                        a.getString("key"),
                        ((Number) a.get("sizeBytes")).longValue()))
            .toList());
  }
}
