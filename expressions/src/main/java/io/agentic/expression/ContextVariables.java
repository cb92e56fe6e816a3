package io.agentic.expression;

import dev.cel.runtime.CelVariableResolver;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the names an expression uses: {@code inputs}, {@code nodes}, {@code execution}, and each
 * bare name that stands for an input ({@code topic} → {@code inputs.topic}). Values are converted
 * as CEL reads them.
 */
final class ContextVariables implements CelVariableResolver {

  private final EvaluationContext context;
  private final Set<String> inputNames;

  ContextVariables(EvaluationContext context, Set<String> inputNames) {
    this.context = context;
    this.inputNames = inputNames;
  }

  @Override
  public Optional<Object> find(String name) {
    return switch (name) {
      case "inputs" -> Optional.of(JsonToCel.value(context.inputs()));
      case "nodes" -> Optional.of(JsonToCel.nodes(context.nodeOutputs()));
      case "execution" -> Optional.of(JsonToCel.value(context.execution()));
      default -> input(name);
    };
  }

  private Optional<Object> input(String name) {
    if (!inputNames.contains(name)) {
      return Optional.empty();
    }
    Map<String, Object> inputs = context.inputs();
    if (!inputs.containsKey(name)) {
      // CEL would treat an unbound name as "unknown" and carry on; a missing input is an error.
      throw EvaluationAbort.error("there is no input named '" + name + "'");
    }
    return Optional.of(JsonToCel.value(inputs.get(name)));
  }
}
