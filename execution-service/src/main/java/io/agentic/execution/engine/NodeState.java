package io.agentic.execution.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * One node's result within an execution.
 *
 * @param attempts attempts made so far, over every run of the execution (step ids stay unique
 *     across a retry of the execution because the count never goes back)
 * @param firstAttempt the first attempt of the current run: the node's retry policy counts from it
 * @param awaiting what a running node waits for, null otherwise
 * @param outputBytes the size of {@code output} as JSON, measured when the node finished; outputs
 *     larger than the inline limit are stored apart and shown as a reference
 * @param children the child executions a running SUB_WORKFLOW or LOOP node waits for, else null
 */
public record NodeState(
    NodeStatus status,
    Object output,
    NodeError error,
    int attempts,
    int firstAttempt,
    Instant startedAt,
    Instant finishedAt,
    Wait awaiting,
    Long outputBytes,
    ChildBatch children) {

  public static NodeState pending() {
    return new NodeState(NodeStatus.PENDING, null, null, 0, 1, null, null, null, null, null);
  }

  /** Null until the node has finished. */
  public Long durationMs() {
    return startedAt == null || finishedAt == null
        ? null
        : Duration.between(startedAt, finishedAt).toMillis();
  }

  /** Attempts made in the current run, the one in flight included. */
  int attemptsInRun() {
    return attempts - firstAttempt + 1;
  }

  NodeState with(NodeStatus newStatus) {
    return new NodeState(
        newStatus,
        output,
        error,
        attempts,
        firstAttempt,
        startedAt,
        finishedAt,
        awaiting,
        outputBytes,
        children);
  }

  NodeState waiting(Wait newWait) {
    return new NodeState(
        status,
        output,
        error,
        attempts,
        firstAttempt,
        startedAt,
        finishedAt,
        newWait,
        outputBytes,
        children);
  }

  NodeState withChildren(ChildBatch batch) {
    return new NodeState(
        status,
        output,
        error,
        attempts,
        firstAttempt,
        startedAt,
        finishedAt,
        awaiting,
        outputBytes,
        batch);
  }

  /** The same result with another output value (a stored-apart output put back, or a reference). */
  public NodeState withOutput(Object value) {
    return new NodeState(
        status,
        value,
        error,
        attempts,
        firstAttempt,
        startedAt,
        finishedAt,
        awaiting,
        outputBytes,
        children);
  }
}
