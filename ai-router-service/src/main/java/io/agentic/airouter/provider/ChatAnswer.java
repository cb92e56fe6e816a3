package io.agentic.airouter.provider;

/** A provider's answer: its text, what it cost in tokens, and why the model stopped. */
public record ChatAnswer(String text, TokenUsage usage, FinishReason finishReason) {}
