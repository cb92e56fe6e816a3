package io.agentic.analytics.topology;

import java.time.Instant;

/**
 * One call the AI router made.
 *
 * @param error the call's outcome was anything but {@code success}
 */
public record AiCallFact(
    String eventId,
    Instant at,
    String provider,
    boolean error,
    long latencyMs,
    long tokens,
    double costUsd)
    implements Fact {}
