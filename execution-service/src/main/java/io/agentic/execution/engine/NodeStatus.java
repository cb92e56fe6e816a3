package io.agentic.execution.engine;

import java.util.Locale;

/** Where one node of an execution stands. The wire form is the lower-case name. */
public enum NodeStatus {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED,
  SKIPPED,
  CANCELLED;

  /** A terminal node has resolved every out-edge: delivered or not. */
  public boolean isTerminal() {
    return this != PENDING && this != RUNNING;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
