package io.agentic.execution.engine;

/** An unfinished execution ran past its deadline: it fails, and what still runs is stopped. */
final class DeadlinePassed {

  private final Ending ending;

  DeadlinePassed(Ending ending) {
    this.ending = ending;
  }

  boolean apply(Transition t) {
    if (t.status.isTerminal() || t.deadline == null || t.now.isBefore(t.deadline)) {
      return false;
    }
    ending.fail(
        t,
        new ExecutionError(
            "DEADLINE_EXCEEDED",
            "The execution did not finish within " + t.settings.deadline().toHours() + " h",
            null));
    return true;
  }
}
