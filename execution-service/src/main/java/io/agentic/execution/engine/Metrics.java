package io.agentic.execution.engine;

/** The figures the API shows for an execution, derived from its node results and usage. */
public record Metrics(
    int totalNodes,
    int successfulNodes,
    int failedNodes,
    int skippedNodes,
    int aiCallsCount,
    long totalTokensUsed,
    double totalCostUsd) {}
