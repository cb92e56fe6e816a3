package io.agentic.execution.store;

import io.agentic.execution.engine.ExecutionState;
import java.util.List;

/**
 * An execution document: the engine's state, the version guarding its updates and the outbox of
 * what its transitions still have to send.
 *
 * @param state as stored: node outputs larger than the inline limit are references (see {@link
 *     ExecutionStore#findWhole})
 * @param partition the execution's partition on {@code execution.commands.v1}
 * @param idempotencyScope unique: the user id and {@code Idempotency-Key} of the request that
 *     created it, or a value derived from the id when the request had no key
 * @param requestHash a hash of the creating request's body, to tell a replay from a reused key
 * @param apart the node outputs stored apart
 */
public record StoredExecution(
    ExecutionState state,
    long version,
    int partition,
    List<OutboxEntry> outbox,
    String idempotencyScope,
    String requestHash,
    List<StoredOutput> apart) {

  /** A new execution: nothing stored apart yet. */
  public StoredExecution(
      ExecutionState state,
      long version,
      int partition,
      List<OutboxEntry> outbox,
      String idempotencyScope,
      String requestHash) {
    this(state, version, partition, outbox, idempotencyScope, requestHash, List.of());
  }

  public String id() {
    return state.id();
  }
}
