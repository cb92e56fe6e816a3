package io.agentic.execution.engine;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.workflow.NodeType;
import io.agentic.contracts.workflow.WorkflowNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a node whose turn has come: pure nodes are evaluated in place, I/O nodes are dispatched as
 * steps with a timeout timer, DELAY waits for a timer.
 */
final class NodeStarter {

  private final Evaluator evaluator;
  private final NodeOutcomes outcomes;
  private final Children children;

  NodeStarter(Evaluator evaluator, NodeOutcomes outcomes, Children children) {
    this.evaluator = evaluator;
    this.outcomes = outcomes;
    this.children = children;
  }

  void start(Transition t, WorkflowNode node) {
    NodeState s = t.node(node.id());
    int attempt = s.attempts() + 1;
    t.put(
        node.id(),
        new NodeState(
            NodeStatus.RUNNING, null, null, attempt, attempt, t.now, null, null, null, null));
    t.log(node.id(), "info", "Node started");
    t.emit("node.started", node.id(), new LinkedHashMap<>(Map.of("attempt", attempt)));
    try {
      switch (node.type()) {
        case INPUT -> outcomes.succeed(t, node, t.before.inputs());
        case TRANSFORM -> outcomes.succeed(t, node, evaluate(t, node, "expression"));
        case CONDITION -> outcomes.succeed(t, node, condition(t, node));
        case OUTPUT -> outcomes.succeed(t, node, outputValue(t, node));
        case DELAY -> delay(t, node, attempt);
        case AI_PROCESSOR, HTTP_REQUEST, DATABASE -> dispatch(t, node, attempt);
        case SUB_WORKFLOW, LOOP -> children.start(t, node, attempt);
      }
    } catch (NodeFailure failure) {
      outcomes.fail(t, node, failure.error, false);
    }
  }

  /** Runs a further attempt of a node waiting out its retry backoff. */
  void again(Transition t, WorkflowNode node, int attempt) {
    if (node.type() == NodeType.SUB_WORKFLOW || node.type() == NodeType.LOOP) {
      NodeState s = t.node(node.id());
      t.put(
          node.id(),
          new NodeState(
              NodeStatus.RUNNING,
              null,
              null,
              attempt,
              s.firstAttempt(),
              s.startedAt(),
              null,
              null,
              null,
              null));
      children.start(t, node, attempt);
    } else {
      dispatch(t, node, attempt);
    }
  }

  /** Sends attempt {@code attempt} of an I/O node to its workers. */
  void dispatch(Transition t, WorkflowNode node, int attempt) {
    Map<String, Object> input;
    try {
      input = resolveData(t, node);
    } catch (NodeFailure failure) {
      outcomes.fail(t, node, failure.error, false);
      return;
    }
    NodeState s = t.node(node.id());
    long timeoutMs =
        node.timeoutMs() != null && node.timeoutMs() > 0
            ? node.timeoutMs()
            : t.settings.defaultNodeTimeout().toMillis();
    String stepId = ExecuteStep.stepId(t.before.id(), node.id(), attempt);
    String timerId = stepId + ":timeout";
    Instant due = t.now.plusMillis(timeoutMs);
    ExecuteStep step =
        new ExecuteStep(
            stepId,
            t.before.id(),
            t.before.rootExecutionId(),
            t.before.workflowId(),
            t.before.userId(),
            node.id(),
            node.type(),
            attempt,
            input,
            timeoutMs,
            t.now);
    t.put(
        node.id(),
        new NodeState(
            NodeStatus.RUNNING,
            null,
            null,
            attempt,
            s.firstAttempt(),
            s.startedAt(),
            null,
            new Wait(Wait.Kind.STEP, attempt, stepId, timerId, due),
            null,
            null));
    t.effect(new Effect.DispatchStep(topicOf(node.type()), step));
    t.effect(new Effect.ScheduleTimer(timerId, "timeout", node.id(), attempt, due));
    t.log(node.id(), "info", "Attempt " + attempt + " dispatched");
  }

  static String topicOf(NodeType type) {
    return switch (type) {
      case AI_PROCESSOR -> Topics.STEPS_AI;
      case HTTP_REQUEST -> Topics.STEPS_HTTP;
      case DATABASE -> Topics.STEPS_DATABASE;
      default -> throw new IllegalArgumentException(type + " is not a step");
    };
  }

  private void delay(Transition t, WorkflowNode node, int attempt) {
    Object duration = resolveData(t, node).get("durationMs");
    if (!(duration instanceof Number ms) || ms.longValue() < 0) {
      throw new NodeFailure(
          new NodeError(
              "INVALID_NODE_DATA",
              "Node '" + node.id() + "' needs a non-negative number as durationMs"));
    }
    String timerId = ExecuteStep.stepId(t.before.id(), node.id(), attempt) + ":delay";
    Instant due = t.now.plusMillis(ms.longValue());
    t.put(
        node.id(),
        t.node(node.id()).waiting(new Wait(Wait.Kind.DELAY, attempt, null, timerId, due)));
    t.effect(new Effect.ScheduleTimer(timerId, "delay", node.id(), attempt, due));
  }

  /** OUTPUT's {@code value} expression, or what its predecessors delivered when it has none. */
  private Object outputValue(Transition t, WorkflowNode node) {
    Object value = data(node).get("value");
    if (value == null) {
      return t.predecessorInput(node.id());
    }
    if (value instanceof String) {
      return evaluate(t, node, "value");
    }
    try {
      return evaluator.resolveTree(value, t.scope());
    } catch (EvaluationFailed e) {
      throw new NodeFailure(expressionError(node, e, e.expression()));
    }
  }

  private Object condition(Transition t, WorkflowNode node) {
    Object value = evaluate(t, node, "expression");
    if (!(value instanceof Boolean)) {
      String expression = String.valueOf(data(node).get("expression"));
      throw new NodeFailure(
          new NodeError(
              "EXPRESSION_ERROR",
              "Node '%s': expression '%s' gave %s, not a boolean"
                  .formatted(node.id(), expression, value == null ? "null" : value)));
    }
    return value;
  }

  private Object evaluate(Transition t, WorkflowNode node, String field) {
    if (!(data(node).get(field) instanceof String expression) || expression.isBlank()) {
      throw new NodeFailure(
          new NodeError("INVALID_NODE_DATA", "Node '" + node.id() + "' has no " + field));
    }
    try {
      return evaluator.evaluate(expression, t.scope());
    } catch (EvaluationFailed e) {
      throw new NodeFailure(expressionError(node, e, expression));
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> resolveData(Transition t, WorkflowNode node) {
    try {
      Object resolved = evaluator.resolveTree(data(node), t.scope());
      return resolved instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    } catch (EvaluationFailed e) {
      throw new NodeFailure(expressionError(node, e, e.expression()));
    }
  }

  private static NodeError expressionError(WorkflowNode node, EvaluationFailed e, String expr) {
    return new NodeError(
        e.code() == null ? "EXPRESSION_ERROR" : e.code(),
        "Node '%s': expression '%s' failed: %s".formatted(node.id(), expr, e.getMessage()));
  }

  private static Map<String, Object> data(WorkflowNode node) {
    return node.data() == null ? Map.of() : node.data();
  }

  /** A node that cannot start; it fails without retry (retrying would fail the same way). */
  private static final class NodeFailure extends RuntimeException {
    final NodeError error;

    NodeFailure(NodeError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }
  }
}
