package io.agentic.execution.store;

import java.time.Instant;

/**
 * A durable timer: when due, the owner of the execution's partition turns it into a {@code
 * FireTimer} command.
 *
 * @param id unique: {@code executionId:nodeId:attempt:kind}
 * @param partition the execution's partition on the command topic, so that only its owner polls it
 * @param kind {@code delay}, {@code backoff} or {@code timeout}
 */
public record Timer(
    String id,
    String executionId,
    int partition,
    String kind,
    String nodeId,
    int attempt,
    Instant dueAt) {}
