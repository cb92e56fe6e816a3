package io.agentic.execution.store;

/**
 * A node output kept apart from its execution's document because it is larger than the inline
 * limit; the state holds a {@code {outputRef, sizeBytes}} reference in its place.
 *
 * @param key where its chunks are stored: {@code executionId:nodeId:attempt}, so that a later
 *     attempt never overwrites what a stored state still points at
 */
public record StoredOutput(String nodeId, String key, long sizeBytes) {}
