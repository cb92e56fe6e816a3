package io.agentic.execution.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-run a failed or cancelled execution under the same id: its failed and cancelled nodes, and
 * everything downstream of them, go back to pending; completed outputs upstream are kept. Attempt
 * numbers keep counting, so the new steps get new step ids.
 */
final class Retrying {

  private final Advance advance;

  Retrying(Advance advance) {
    this.advance = advance;
  }

  boolean apply(Transition t, Input.Retry retry) {
    if (t.status != ExecutionStatus.FAILED && t.status != ExecutionStatus.CANCELLED) {
      return false;
    }
    List<String> unfinished =
        t.nodes().entrySet().stream()
            .filter(
                e ->
                    e.getValue().status() == NodeStatus.FAILED
                        || e.getValue().status() == NodeStatus.CANCELLED
                        || e.getValue().status() == NodeStatus.PENDING)
            .map(Map.Entry::getKey)
            .toList();
    Set<String> rerun = t.graph.withDescendants(unfinished);
    for (String id : rerun) {
      NodeState s = t.node(id);
      t.put(
          id,
          new NodeState(
              NodeStatus.PENDING,
              null,
              null,
              s.attempts(),
              s.attempts() + 1,
              null,
              null,
              null,
              null,
              null));
      t.removeOutput(id);
    }
    t.status = ExecutionStatus.RUNNING;
    t.error = null;
    t.endTime = null;
    t.deadline = t.now.plus(t.settings.deadline());
    String by = retry.requestedBy() == null ? "" : " by " + retry.requestedBy();
    t.log(null, "info", "Execution retried" + by + ": " + rerun.size() + " node(s) to run again");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", "running");
    data.put("retry", true);
    t.emit("execution.started", null, data);
    advance.run(t);
    return true;
  }
}
