package io.agentic.execution.engine;

import io.agentic.contracts.workflow.WorkflowEdge;
import io.agentic.contracts.workflow.WorkflowNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine knows about one execution. Immutable by convention: the engine never
 * changes a state it is given, it returns a new one.
 *
 * @param rootExecutionId the top of a tree of child executions; the execution's own id for a root
 * @param nodes the workflow version's nodes, copied at creation: an execution runs the version it
 *     started with
 * @param outputs {@code outputs[nodeId]} for each completed OUTPUT node
 * @param droppedLogs log lines not kept because the log was full
 * @param startTime when the execution was accepted
 * @param deadline when a still unfinished execution fails with {@code DEADLINE_EXCEEDED}
 * @param sequence the sequence number of the last event emitted
 * @param appliedCommands ids of the last commands applied, so a redelivered command is ignored
 */
public record ExecutionState(
    String id,
    String workflowId,
    int workflowVersion,
    String userId,
    String rootExecutionId,
    List<WorkflowNode> nodes,
    List<WorkflowEdge> edges,
    ExecutionStatus status,
    Map<String, Object> inputs,
    Map<String, Object> outputs,
    Map<String, NodeState> nodeResults,
    List<LogEntry> logs,
    int droppedLogs,
    Usage usage,
    ExecutionError error,
    Instant startTime,
    Instant endTime,
    Instant deadline,
    long sequence,
    List<String> appliedCommands) {

  /** A new execution, accepted and waiting for the orchestrator to start it. */
  public static ExecutionState pending(
      String id,
      String workflowId,
      int workflowVersion,
      String userId,
      List<WorkflowNode> nodes,
      List<WorkflowEdge> edges,
      Map<String, Object> inputs,
      Instant now,
      Duration deadline) {
    Map<String, NodeState> results = new LinkedHashMap<>();
    nodes.forEach(n -> results.put(n.id(), NodeState.pending()));
    return new ExecutionState(
        id,
        workflowId,
        workflowVersion,
        userId,
        id,
        List.copyOf(nodes),
        List.copyOf(edges),
        ExecutionStatus.PENDING,
        inputs == null ? Map.of() : new LinkedHashMap<>(inputs),
        Map.of(),
        results,
        List.of(),
        0,
        Usage.NONE,
        null,
        now,
        null,
        now.plus(deadline),
        0,
        List.of());
  }

  /** Null while the execution runs. */
  public Long durationMs() {
    return startTime == null || endTime == null
        ? null
        : Duration.between(startTime, endTime).toMillis();
  }

  public Metrics metrics() {
    int ok = 0;
    int failed = 0;
    int skipped = 0;
    for (NodeState node : nodeResults.values()) {
      switch (node.status()) {
        case COMPLETED -> ok++;
        case FAILED -> failed++;
        case SKIPPED -> skipped++;
        default -> {}
      }
    }
    return new Metrics(
        nodes.size(), ok, failed, skipped, usage.aiCalls(), usage.totalTokens(), usage.costUsd());
  }
}
