package io.agentic.airouter.provider;

/** A provider's answer: its text and what it cost in tokens. */
public record ChatAnswer(String text, TokenUsage usage) {}
