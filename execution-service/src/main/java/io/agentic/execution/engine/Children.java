package io.agentic.execution.engine;

import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.workflow.NodeType;
import io.agentic.contracts.workflow.WorkflowNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts the child executions of SUB_WORKFLOW and LOOP nodes. A SUB_WORKFLOW runs one child with
 * its {@code inputs} expressions evaluated; a LOOP runs one child per item of its {@code items}
 * expression, with inputs {@code {item, index}}, at most {@code concurrency} at once. Refused
 * before anything starts: nesting deeper than the limit ({@code DEPTH_EXCEEDED}), a workflow that
 * would run inside itself ({@code RECURSIVE_WORKFLOW}), too many items ({@code
 * LOOP_TOO_MANY_ITEMS}).
 */
final class Children {

  private final Evaluator evaluator;
  private final NodeOutcomes outcomes;

  Children(Evaluator evaluator, NodeOutcomes outcomes) {
    this.evaluator = evaluator;
    this.outcomes = outcomes;
  }

  /** The id of the child for one item of one attempt: the same every time it is asked for. */
  static String childId(String parentId, String nodeId, int attempt, int index) {
    String name = parentId + ":" + nodeId + ":" + attempt + ":" + index;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Starts attempt {@code attempt} of a SUB_WORKFLOW or LOOP node, which is running. */
  void start(Transition t, WorkflowNode node, int attempt) {
    ChildBatch batch;
    try {
      batch = batch(t, node, attempt);
    } catch (Refused refused) {
      outcomes.fail(t, node, refused.error, false);
      return;
    }
    if (batch.runs().isEmpty()) {
      outcomes.succeed(t, node, List.of());
      return;
    }
    NodeState s = t.node(node.id());
    String timerId = null;
    Instant due = null;
    if (node.timeoutMs() != null && node.timeoutMs() > 0) {
      // Children run as long as they need unless the node says otherwise; the deadline bounds all.
      timerId = ExecuteStep.stepId(t.before.id(), node.id(), attempt) + ":timeout";
      due = t.now.plusMillis(node.timeoutMs());
      t.effect(new Effect.ScheduleTimer(timerId, "timeout", node.id(), attempt, due));
    }
    t.put(
        node.id(),
        s.waiting(new Wait(Wait.Kind.CHILDREN, attempt, null, timerId, due)).withChildren(batch));
    t.log(
        node.id(),
        "info",
        "Running %d child execution(s) of workflow %s, at most %d at once"
            .formatted(batch.runs().size(), batch.workflowId(), batch.concurrency()));
    launchNext(t, node);
  }

  /** Starts waiting children while the node's concurrency allows, in item order. */
  static void launchNext(Transition t, WorkflowNode node) {
    NodeState s = t.node(node.id());
    ChildBatch batch = s.children();
    long running = batch.running();
    for (ChildRun run : batch.runs()) {
      if (running >= batch.concurrency()) {
        break;
      }
      if (run.status() != ChildRun.Status.WAITING) {
        continue;
      }
      running++;
      batch = batch.with(run.started());
      t.effect(
          new Effect.StartChild(
              new ChildStart(
                  run.executionId(),
                  batch.workflowId(),
                  run.inputs(),
                  t.before.userId(),
                  t.before.userRole(),
                  new ParentLink(t.before.id(), node.id(), s.attempts(), run.index()),
                  t.before.rootExecutionId(),
                  t.before.depth() + 1,
                  t.before.lineageWith(batch.workflowId()),
                  t.deadline)));
    }
    t.put(node.id(), s.withChildren(batch));
  }

  /** Cancels the children of a node that stops waiting for them; the others never start. */
  static void stop(Transition t, NodeState node, String reason) {
    if (node.children() == null) {
      return;
    }
    node.children().runs().stream()
        .filter(r -> r.status() == ChildRun.Status.RUNNING)
        .forEach(r -> t.effect(new Effect.CancelChild(r.executionId(), reason)));
  }

  private ChildBatch batch(Transition t, WorkflowNode node, int attempt) {
    Map<String, Object> data = node.data() == null ? Map.of() : node.data();
    if (!(data.get("workflowId") instanceof String workflowId) || workflowId.isBlank()) {
      throw refused("INVALID_NODE_DATA", "Node '%s' has no workflowId".formatted(node.id()));
    }
    int depth = t.before.depth() + 1;
    if (depth > t.settings.maxDepth()) {
      throw refused(
          "DEPTH_EXCEEDED",
          "Node '%s': running workflow %s would nest executions %d deep; at most %d are allowed"
              .formatted(node.id(), workflowId, depth, t.settings.maxDepth()));
    }
    List<String> lineage = t.before.lineage();
    if (lineage.contains(workflowId)) {
      throw refused(
          "RECURSIVE_WORKFLOW",
          "Node '%s': workflow %s would run inside itself (%s)"
              .formatted(
                  node.id(), workflowId, String.join(" -> ", t.before.lineageWith(workflowId))));
    }
    boolean loop = node.type() == NodeType.LOOP;
    List<Map<String, Object>> inputs =
        loop ? loopInputs(t, node, data) : List.of(subInputs(t, node, data));
    int concurrency = loop ? concurrency(t, node, data) : 1;
    List<ChildRun> runs = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      runs.add(
          new ChildRun(
              i,
              childId(t.before.id(), node.id(), attempt, i),
              inputs.get(i),
              ChildRun.Status.WAITING,
              null));
    }
    return new ChildBatch(workflowId, loop, concurrency, runs);
  }

  /** {@code inputs: {name: expression}}; a value that is not a string is passed as it is. */
  private Map<String, Object> subInputs(Transition t, WorkflowNode node, Map<String, Object> data) {
    Object given = data.get("inputs");
    if (given == null) {
      return new LinkedHashMap<>();
    }
    if (!(given instanceof Map<?, ?> expressions)) {
      throw refused(
          "INVALID_NODE_DATA",
          "Node '%s': inputs must be an object of {name: expression}".formatted(node.id()));
    }
    Map<String, Object> inputs = new LinkedHashMap<>();
    expressions.forEach(
        (name, expression) ->
            inputs.put(
                String.valueOf(name),
                expression instanceof String e ? evaluate(t, node, e) : expression));
    return inputs;
  }

  private List<Map<String, Object>> loopInputs(
      Transition t, WorkflowNode node, Map<String, Object> data) {
    if (!(data.get("items") instanceof String expression) || expression.isBlank()) {
      throw refused("INVALID_NODE_DATA", "Node '%s' has no items".formatted(node.id()));
    }
    Object items = evaluate(t, node, expression);
    if (!(items instanceof List<?> list)) {
      throw refused(
          "EXPRESSION_ERROR",
          "Node '%s': items expression '%s' gave %s, not a list"
              .formatted(node.id(), expression, items == null ? "null" : items));
    }
    if (list.size() > t.settings.maxLoopItems()) {
      throw refused(
          "LOOP_TOO_MANY_ITEMS",
          "Node '%s': %d items; a LOOP takes at most %d"
              .formatted(node.id(), list.size(), t.settings.maxLoopItems()));
    }
    List<Map<String, Object>> inputs = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("item", list.get(i));
      one.put("index", i);
      inputs.add(one);
    }
    return inputs;
  }

  private static int concurrency(Transition t, WorkflowNode node, Map<String, Object> data) {
    Object value = data.get("concurrency");
    if (value == null) {
      return t.settings.defaultLoopConcurrency();
    }
    if (value instanceof Number n
        && n.doubleValue() == Math.rint(n.doubleValue())
        && n.longValue() >= 1
        && n.longValue() <= t.settings.maxLoopConcurrency()) {
      return n.intValue();
    }
    throw refused(
        "INVALID_NODE_DATA",
        "Node '%s': concurrency must be a whole number from 1 to %d"
            .formatted(node.id(), t.settings.maxLoopConcurrency()));
  }

  private Object evaluate(Transition t, WorkflowNode node, String expression) {
    try {
      return evaluator.evaluate(expression, t.scope());
    } catch (EvaluationFailed e) {
      throw refused(
          e.code() == null ? "EXPRESSION_ERROR" : e.code(),
          "Node '%s': expression '%s' failed: %s".formatted(node.id(), expression, e.getMessage()));
    }
  }

  private static Refused refused(String code, String message) {
    return new Refused(new NodeError(code, message));
  }

  /** The node cannot start its children; it fails without retry (it would fail the same way). */
  private static final class Refused extends RuntimeException {
    final NodeError error;

    Refused(NodeError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }
  }
}
