package io.agentic.airouter.router;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.agentic.airouter.provider.FinishReason;
import io.agentic.airouter.provider.TokenUsage;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An AI_PROCESSOR node's output, as API.md defines it.
 *
 * @param json the parsed answer when JSON was asked for; {@code {label, score}} for sentiment
 * @param fallbackFrom providers that were called and failed before {@code provider} answered
 * @param cached answered from the cache: no provider call, no cost
 * @param usage the answering call's tokens
 * @param costUsd the answering call's cost
 * @param attempts provider calls this step made, retries and failed providers included
 * @param finishReason why the model stopped, for the OpenAI-compatible door's {@code
 *     finish_reason}; not part of a node's output
 */
public record AiOutput(
    String text,
    @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode json,
    String provider,
    String model,
    List<String> fallbackFrom,
    boolean cached,
    TokenUsage usage,
    double costUsd,
    int attempts,
    @JsonIgnore FinishReason finishReason) {}
