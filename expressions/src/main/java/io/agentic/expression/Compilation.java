package io.agentic.expression;

import dev.cel.runtime.CelRuntime;
import java.util.List;
import java.util.Set;

/**
 * The outcome of compiling one expression text: a program ready to run, or the problems (with the
 * code {@link ExpressionException#INVALID} or {@link ExpressionException#LIMIT}).
 */
record Compilation(Compiled compiled, String code, List<String> problems) {

  /**
   * A checked, runnable expression.
   *
   * @param inputNames bare names bound from the execution inputs when it runs
   * @param accumulationSteps see {@link AstFacts#accumulationSteps()}
   */
  record Compiled(
      String text,
      CelRuntime.Program program,
      Set<String> inputNames,
      Set<Long> accumulationSteps) {}

  static Compilation ok(Compiled compiled) {
    return new Compilation(compiled, null, List.of());
  }

  static Compilation failed(String code, List<String> problems) {
    return new Compilation(null, code, List.copyOf(problems));
  }

  boolean isOk() {
    return compiled != null;
  }

  ExpressionException toException(String expression) {
    return ExpressionException.of(code, expression, String.join("; ", problems));
  }
}
