package io.agentic.execution.engine;

import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.contracts.workflow.NodeType;
import io.agentic.contracts.workflow.OnError;
import io.agentic.contracts.workflow.WorkflowEdge;
import io.agentic.contracts.workflow.WorkflowNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The working copy of one decision: a mutable copy of the state plus the effects gathered so far.
 * Handlers change it; {@link #decision()} freezes it into the new state.
 */
final class Transition {

  private static final int REMEMBERED_COMMANDS = 32;

  final ExecutionState before;
  final Instant now;
  final Graph graph;
  final EngineSettings settings;

  ExecutionStatus status;
  ExecutionError error;
  Instant endTime;
  Instant deadline;
  Usage usage;
  private final Map<String, Object> outputs;
  private final Map<String, NodeState> nodes;
  private final List<LogEntry> logs;
  private int droppedLogs;
  private long sequence;
  private final List<String> commands;
  private final List<Effect> effects = new ArrayList<>();

  Transition(ExecutionState state, Instant now, EngineSettings settings) {
    this.before = state;
    this.now = now;
    this.settings = settings;
    this.graph = new Graph(state.nodes(), state.edges());
    this.status = state.status();
    this.error = state.error();
    this.endTime = state.endTime();
    this.deadline = state.deadline();
    this.usage = state.usage();
    this.outputs = new LinkedHashMap<>(state.outputs());
    this.nodes = new LinkedHashMap<>(state.nodeResults());
    state.nodes().forEach(n -> nodes.putIfAbsent(n.id(), NodeState.pending()));
    this.logs = new ArrayList<>(state.logs());
    this.droppedLogs = state.droppedLogs();
    this.sequence = state.sequence();
    this.commands = new ArrayList<>(state.appliedCommands());
  }

  NodeState node(String id) {
    return nodes.get(id);
  }

  void put(String id, NodeState state) {
    nodes.put(id, state);
  }

  Map<String, NodeState> nodes() {
    return nodes;
  }

  void output(String nodeId, Object value) {
    outputs.put(nodeId, value);
  }

  void removeOutput(String nodeId) {
    outputs.remove(nodeId);
  }

  Map<String, Object> outputs() {
    return outputs;
  }

  void remember(String commandId) {
    if (commandId != null) {
      commands.add(commandId);
      if (commands.size() > REMEMBERED_COMMANDS) {
        commands.removeFirst();
      }
    }
  }

  void effect(Effect effect) {
    effects.add(effect);
  }

  void emit(String type, String nodeId, Map<String, Object> data) {
    sequence++;
    ExecutionProgressed event =
        new ExecutionProgressed(
            before.id() + ":" + sequence,
            before.id(),
            sequence,
            type,
            before.workflowId(),
            before.workflowVersion(),
            before.userId(),
            nodeId,
            now,
            data);
    effects.add(new Effect.Emit(event));
  }

  void log(String nodeId, String level, String message) {
    if (logs.size() < settings.maxLogEntries()) {
      logs.add(new LogEntry(nodeId, now, level, message));
    } else {
      droppedLogs++;
    }
  }

  static OnError onError(WorkflowNode node) {
    return node.onError() == null ? OnError.FAIL : node.onError();
  }

  boolean resolved(WorkflowEdge edge) {
    return nodes.get(edge.source()).status().isTerminal();
  }

  /** Whether the edge carries its source's output to its target. */
  boolean delivered(WorkflowEdge edge) {
    NodeState source = nodes.get(edge.source());
    WorkflowNode node = graph.node(edge.source());
    String handle = edge.sourceHandle();
    boolean errorEdge = "error".equals(handle);
    return switch (source.status()) {
      case COMPLETED ->
          node.type() == NodeType.CONDITION
              ? handle == null || handle.equals(String.valueOf(source.output()))
              : !errorEdge;
      case FAILED ->
          switch (onError(node)) {
            case CONTINUE -> !errorEdge;
            case BRANCH -> errorEdge;
            case FAIL -> false;
          };
      default -> false;
    };
  }

  /**
   * What a node receives from its predecessors: the output of the single one that delivered, a map
   * {@code predecessorId -> output} when several did, null for a root.
   */
  Object predecessorInput(String nodeId) {
    Set<String> sources = new LinkedHashSet<>();
    for (WorkflowEdge e : graph.in(nodeId)) {
      if (delivered(e)) {
        sources.add(e.source());
      }
    }
    if (sources.size() == 1) {
      return nodes.get(sources.iterator().next()).output();
    }
    if (sources.isEmpty()) {
      return null;
    }
    Map<String, Object> merged = new LinkedHashMap<>();
    sources.forEach(id -> merged.put(id, nodes.get(id).output()));
    return merged;
  }

  /** What expressions see now: the outputs of every node that delivered one. */
  Scope scope() {
    Map<String, Object> outputsById = new HashMap<>();
    nodes.forEach(
        (id, state) -> {
          boolean delivered =
              state.status() == NodeStatus.COMPLETED
                  || (state.status() == NodeStatus.FAILED
                      && onError(graph.node(id)) != OnError.FAIL);
          if (delivered) {
            outputsById.put(id, state.output());
          }
        });
    Map<String, Object> execution = new LinkedHashMap<>();
    execution.put("id", before.id());
    execution.put("workflowId", before.workflowId());
    execution.put("startedAt", before.startTime() == null ? null : before.startTime().toString());
    return new Scope(before.inputs(), outputsById, execution);
  }

  Decision decision() {
    ExecutionState state =
        new ExecutionState(
            before.id(),
            before.workflowId(),
            before.workflowVersion(),
            before.userId(),
            before.rootExecutionId(),
            before.nodes(),
            before.edges(),
            status,
            before.inputs(),
            outputs,
            nodes,
            logs,
            droppedLogs,
            usage,
            error,
            before.startTime(),
            endTime,
            deadline,
            sequence,
            commands,
            before.parent(),
            before.depth(),
            before.workflowChain(),
            before.userRole());
    return new Decision(state, List.copyOf(effects), true);
  }
}
