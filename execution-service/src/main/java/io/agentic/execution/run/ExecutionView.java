package io.agentic.execution.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agentic.execution.engine.ChildBatch;
import io.agentic.execution.engine.ChildRun;
import io.agentic.execution.engine.ExecutionError;
import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.engine.LogEntry;
import io.agentic.execution.engine.Metrics;
import io.agentic.execution.engine.NodeError;
import io.agentic.execution.redaction.Redaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API.md's {@code execution}, credentials redacted, plus where it sits in a tree of child
 * executions ({@code parentExecutionId} only for children) and, for a running SUB_WORKFLOW or LOOP
 * node, how far its children got.
 */
record ExecutionView(
    String id,
    String workflowId,
    int workflowVersion,
    String userId,
    String status,
    Instant startTime,
    Instant endTime,
    Long duration,
    Map<String, Object> inputs,
    Map<String, Object> outputs,
    Map<String, NodeResult> nodeResults,
    List<LogEntry> logs,
    Metrics metrics,
    @JsonInclude(JsonInclude.Include.NON_NULL) ExecutionError error,
    @JsonInclude(JsonInclude.Include.NON_NULL) String parentExecutionId,
    String rootExecutionId,
    int depth) {

  record NodeResult(
      String status,
      Object output,
      NodeError error,
      int attempts,
      Instant startedAt,
      Instant finishedAt,
      Long durationMs,
      @JsonInclude(JsonInclude.Include.NON_NULL) ChildProgress children) {}

  /** The child executions of a running SUB_WORKFLOW or LOOP node, counted by where they stand. */
  record ChildProgress(int total, long waiting, long running, long completed, long failed) {

    static ChildProgress of(ChildBatch batch) {
      if (batch == null) {
        return null;
      }
      return new ChildProgress(
          batch.runs().size(),
          count(batch, ChildRun.Status.WAITING),
          count(batch, ChildRun.Status.RUNNING),
          count(batch, ChildRun.Status.COMPLETED),
          count(batch, ChildRun.Status.FAILED));
    }

    private static long count(ChildBatch batch, ChildRun.Status status) {
      return batch.runs().stream().filter(r -> r.status() == status).count();
    }
  }

  static ExecutionView of(ExecutionState s) {
    Map<String, NodeResult> nodes = new LinkedHashMap<>();
    s.nodeResults()
        .forEach(
            (id, n) ->
                nodes.put(
                    id,
                    new NodeResult(
                        n.status().wire(),
                        Redaction.json(n.output()),
                        n.error(),
                        n.attempts(),
                        n.startedAt(),
                        n.finishedAt(),
                        n.durationMs(),
                        ChildProgress.of(n.children()))));
    return new ExecutionView(
        s.id(),
        s.workflowId(),
        s.workflowVersion(),
        s.userId(),
        s.status().wire(),
        s.startTime(),
        s.endTime(),
        s.durationMs(),
        Redaction.jsonMap(s.inputs()),
        Redaction.jsonMap(s.outputs()),
        nodes,
        logs(s),
        s.metrics(),
        s.error(),
        s.parent() == null ? null : s.parent().executionId(),
        s.rootExecutionId() == null ? s.id() : s.rootExecutionId(),
        s.depth());
  }

  private static List<LogEntry> logs(ExecutionState s) {
    if (s.droppedLogs() == 0) {
      return s.logs();
    }
    List<LogEntry> logs = new ArrayList<>(s.logs());
    Instant last = logs.isEmpty() ? s.startTime() : logs.getLast().timestamp();
    logs.add(new LogEntry(null, last, "warn", s.droppedLogs() + " more log entries were dropped"));
    return logs;
  }

  static Map<String, Object> page(List<ExecutionView> items, int page, int size, long total) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", items);
    body.put("page", page);
    body.put("size", size);
    body.put("total", total);
    return body;
  }
}
