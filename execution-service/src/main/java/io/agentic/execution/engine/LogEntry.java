package io.agentic.execution.engine;

import java.time.Instant;

/** One line of an execution's log; {@code nodeId} is null for execution-level lines. */
public record LogEntry(String nodeId, Instant timestamp, String level, String message) {}
