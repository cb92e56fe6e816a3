package io.agentic.airouter.cache;

import io.agentic.airouter.provider.FinishReason;

/**
 * A cached answer: its text, for JSON answers the parsed value as JSON text, and why the model
 * stopped.
 *
 * @param json null for plain-text answers
 * @param finishReason null in entries cached before it was kept: read as a stop
 */
public record CachedAnswer(String text, String json, FinishReason finishReason) {}
