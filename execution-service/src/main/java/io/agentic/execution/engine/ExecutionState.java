package io.agentic.execution.engine;

import io.agentic.contracts.workflow.WorkflowEdge;
import io.agentic.contracts.workflow.WorkflowNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * @param parent the node waiting for this execution, null for a root
 * @param depth 0 for a root, one more than its parent for a child
 * @param workflowChain the workflow ids from the root down to this execution, its own included
 *     (null in states stored before children existed: read {@link #lineage()})
 * @param userRole the role of the user who started the root, when it was started: children run on
 *     the workflows that user could read then
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
    List<String> appliedCommands,
    ParentLink parent,
    int depth,
    List<String> workflowChain,
    String userRole) {

  /** A new root execution, accepted and waiting for the orchestrator to start it. */
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
    return create(
        id,
        workflowId,
        workflowVersion,
        userId,
        null,
        id,
        null,
        0,
        List.of(workflowId),
        nodes,
        edges,
        inputs,
        now,
        now.plus(deadline));
  }

  /**
   * A new child execution of {@code version}, waiting to be started by its parent's command. It
   * ends by the parent's deadline at the latest.
   */
  public static ExecutionState child(
      ChildStart child,
      int version,
      List<WorkflowNode> nodes,
      List<WorkflowEdge> edges,
      Instant now,
      Duration deadline) {
    Instant own = now.plus(deadline);
    return create(
        child.executionId(),
        child.workflowId(),
        version,
        child.userId(),
        child.userRole(),
        child.rootExecutionId(),
        child.parent(),
        child.depth(),
        child.workflowChain(),
        nodes,
        edges,
        child.inputs(),
        now,
        child.deadline() != null && child.deadline().isBefore(own) ? child.deadline() : own);
  }

  private static ExecutionState create(
      String id,
      String workflowId,
      int workflowVersion,
      String userId,
      String userRole,
      String rootExecutionId,
      ParentLink parent,
      int depth,
      List<String> workflowChain,
      List<WorkflowNode> nodes,
      List<WorkflowEdge> edges,
      Map<String, Object> inputs,
      Instant now,
      Instant deadline) {
    Map<String, NodeState> results = new LinkedHashMap<>();
    nodes.forEach(n -> results.put(n.id(), NodeState.pending()));
    return new ExecutionState(
        id,
        workflowId,
        workflowVersion,
        userId,
        rootExecutionId,
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
        deadline,
        0,
        List.of(),
        parent,
        depth,
        List.copyOf(workflowChain),
        userRole);
  }

  /** The same execution, remembering the role its starter had. */
  public ExecutionState startedByRole(String role) {
    return new ExecutionState(
        id,
        workflowId,
        workflowVersion,
        userId,
        rootExecutionId,
        nodes,
        edges,
        status,
        inputs,
        outputs,
        nodeResults,
        logs,
        droppedLogs,
        usage,
        error,
        startTime,
        endTime,
        deadline,
        sequence,
        appliedCommands,
        parent,
        depth,
        workflowChain,
        role);
  }

  /** The same execution with other node results and outputs (large outputs stored apart). */
  public ExecutionState withResults(Map<String, NodeState> results, Map<String, Object> outs) {
    return new ExecutionState(
        id,
        workflowId,
        workflowVersion,
        userId,
        rootExecutionId,
        nodes,
        edges,
        status,
        inputs,
        outs,
        results,
        logs,
        droppedLogs,
        usage,
        error,
        startTime,
        endTime,
        deadline,
        sequence,
        appliedCommands,
        parent,
        depth,
        workflowChain,
        userRole);
  }

  /** The workflow ids from the root down to this execution, its own included. */
  public List<String> lineage() {
    if (workflowChain == null || workflowChain.isEmpty()) {
      return List.of(workflowId);
    }
    return workflowChain;
  }

  List<String> lineageWith(String childWorkflowId) {
    List<String> chain = new ArrayList<>(lineage());
    chain.add(childWorkflowId);
    return chain;
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
