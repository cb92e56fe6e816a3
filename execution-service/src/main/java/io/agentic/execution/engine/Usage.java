package io.agentic.execution.engine;

import io.agentic.contracts.execution.StepUsage;

/** What an execution's steps spent on AI providers, summed over every applied step result. */
public record Usage(int aiCalls, long totalTokens, double costUsd) {

  public static final Usage NONE = new Usage(0, 0, 0);

  Usage plus(StepUsage step) {
    if (step == null) {
      return this;
    }
    return new Usage(
        aiCalls + step.aiCalls(), totalTokens + step.totalTokens(), costUsd + step.costUsd());
  }
}
