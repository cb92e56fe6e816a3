package io.agentic.execution.engine;

import java.util.Locale;
import java.util.Optional;

/** Where an execution stands. The wire form (API, events) is the lower-case name. */
public enum ExecutionStatus {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ExecutionStatus> fromWire(String value) {
    for (ExecutionStatus status : values()) {
      if (status.wire().equals(value)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
