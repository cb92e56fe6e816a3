package io.agentic.airouter.router;

/**
 * Who asked, for usage records, budgets and the cache.
 *
 * @param executionId null outside executions (e.g. {@code POST /api/ai/test})
 */
public record CallContext(String stepId, String executionId, String userId) {}
