package io.agentic.execution.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The child executions a running SUB_WORKFLOW (one) or LOOP (one per item) node waits for, in item
 * order. At most {@code concurrency} of them run at once; the next waiting one starts as soon as
 * one completes.
 */
public record ChildBatch(String workflowId, boolean loop, int concurrency, List<ChildRun> runs) {

  long running() {
    return runs.stream().filter(r -> r.status() == ChildRun.Status.RUNNING).count();
  }

  boolean allCompleted() {
    return runs.stream().allMatch(r -> r.status() == ChildRun.Status.COMPLETED);
  }

  Optional<ChildRun> runningChild(String executionId) {
    return runs.stream()
        .filter(r -> r.status() == ChildRun.Status.RUNNING && r.executionId().equals(executionId))
        .findFirst();
  }

  ChildBatch with(ChildRun run) {
    List<ChildRun> copy = new ArrayList<>(runs);
    copy.set(run.index(), run);
    return new ChildBatch(workflowId, loop, concurrency, copy);
  }

  /** The node's output: the child's outputs, or for a LOOP the list of them in item order. */
  Object output() {
    if (!loop) {
      return runs.getFirst().output();
    }
    List<Object> outputs = new ArrayList<>(runs.size());
    runs.forEach(r -> outputs.add(r.output()));
    return outputs;
  }
}
