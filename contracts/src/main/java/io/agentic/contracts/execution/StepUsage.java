package io.agentic.contracts.execution;

/** What a step spent on AI providers. */
public record StepUsage(int aiCalls, long totalTokens, double costUsd) {}
