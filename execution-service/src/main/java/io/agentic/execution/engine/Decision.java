package io.agentic.execution.engine;

import java.util.List;

/**
 * The outcome of one input: the new state and what to do about it.
 *
 * @param changed false when the input was ignored (a duplicate, a stale or late result, a command
 *     that does not apply in the current status): then the state is the one given, with no effects
 */
public record Decision(ExecutionState state, List<Effect> effects, boolean changed) {

  static Decision unchanged(ExecutionState state) {
    return new Decision(state, List.of(), false);
  }
}
