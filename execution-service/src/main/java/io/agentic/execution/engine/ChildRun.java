package io.agentic.execution.engine;

import java.util.Map;

/**
 * One child execution of a SUB_WORKFLOW or LOOP node.
 *
 * @param inputs kept only until the child is started
 * @param output the child's {@code outputs} once it completed
 */
public record ChildRun(
    int index, String executionId, Map<String, Object> inputs, Status status, Object output) {

  public enum Status {
    /** Not started yet: the node's concurrency is used up. */
    WAITING,
    RUNNING,
    COMPLETED,
    FAILED
  }

  ChildRun started() {
    return new ChildRun(index, executionId, null, Status.RUNNING, null);
  }

  ChildRun completed(Object childOutputs) {
    return new ChildRun(index, executionId, null, Status.COMPLETED, childOutputs);
  }

  ChildRun failed() {
    return new ChildRun(index, executionId, null, Status.FAILED, null);
  }
}
