package io.agentic.execution.engine;

/** Stop an unfinished execution; an ended one ignores the command. */
final class Cancelling {

  private final Ending ending;

  Cancelling(Ending ending) {
    this.ending = ending;
  }

  boolean apply(Transition t, Input.Cancel cancel) {
    if (t.status.isTerminal()) {
      return false;
    }
    ending.cancel(t, cancel.requestedBy(), cancel.reason());
    return true;
  }
}
