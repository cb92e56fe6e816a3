package io.agentic.airouter.cache;

/**
 * A cached answer: its text and, for JSON answers, the parsed value as JSON text.
 *
 * @param json null for plain-text answers
 */
public record CachedAnswer(String text, String json) {}
