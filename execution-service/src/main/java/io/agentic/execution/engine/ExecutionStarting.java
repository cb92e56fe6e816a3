package io.agentic.execution.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A pending execution starts: its inputs are checked, then the graph runs from its roots. */
final class ExecutionStarting {

  private final Advance advance;
  private final Ending ending;

  ExecutionStarting(Advance advance, Ending ending) {
    this.advance = advance;
    this.ending = ending;
  }

  boolean apply(Transition t) {
    if (t.status != ExecutionStatus.PENDING) {
      return false;
    }
    t.status = ExecutionStatus.RUNNING;
    t.log(null, "info", "Execution started");
    t.emit("execution.started", null, new LinkedHashMap<>(Map.of("status", "running")));
    List<InputFields.Problem> problems = InputFields.check(t.before.nodes(), t.before.inputs());
    if (!problems.isEmpty()) {
      String detail =
          problems.stream()
              .map(p -> p.field() + " " + p.message())
              .collect(Collectors.joining("; "));
      ending.fail(t, new ExecutionError("INPUT_INVALID", "Invalid inputs: " + detail, null));
      return true;
    }
    advance.run(t);
    return true;
  }
}
