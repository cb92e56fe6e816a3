package io.agentic.airouter.router;

/**
 * Who asked, for usage records, budgets and the cache.
 *
 * @param stepId null outside executions
 * @param executionId null outside executions ({@code POST /api/ai/test}, the OpenAI-compatible
 *     door): usage records are then keyed by the user id
 */
public record CallContext(String stepId, String executionId, String userId) {}
