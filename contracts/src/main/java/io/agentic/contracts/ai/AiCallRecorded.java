package io.agentic.contracts.ai;

import java.time.Instant;
import java.util.List;

/**
 * One call the AI router made (or answered from its cache). Topic {@code ai.usage.v1}.
 *
 * @param outcome {@code success}, {@code error}, {@code timeout}, {@code rate_limited} or {@code
 *     skipped}
 * @param fallbackFrom providers that failed before this one answered
 */
public record AiCallRecorded(
    String eventId,
    String executionId,
    String stepId,
    String userId,
    String provider,
    String model,
    String taskType,
    long latencyMs,
    long promptTokens,
    long completionTokens,
    long totalTokens,
    double costUsd,
    String outcome,
    List<String> fallbackFrom,
    boolean cached,
    Instant timestamp) {}
