package io.agentic.execution.engine;

import java.time.Duration;

/**
 * Limits the engine applies.
 *
 * @param defaultNodeTimeout for I/O nodes without {@code timeoutMs}
 * @param deadline how long an execution may run, counted from its (re)start
 * @param maxLogEntries log lines kept per execution; later ones are only counted
 * @param maxBackoff the longest delay between two attempts
 */
public record EngineSettings(
    Duration defaultNodeTimeout, Duration deadline, int maxLogEntries, Duration maxBackoff) {

  public static EngineSettings defaults() {
    return new EngineSettings(
        Duration.ofMinutes(5), Duration.ofHours(24), 1000, Duration.ofHours(1));
  }
}
