/**
 * ai-router-service: runs AI_PROCESSOR steps. Features: {@code provider} (one client per wire
 * protocol), {@code routing} (task type to ordered providers), {@code resilience} (retry, circuit
 * breaker, bulkhead, time limit per provider), {@code quota} (daily provider quotas and user
 * budgets in Redis), {@code cost} (prices), {@code cache} (deterministic answers), {@code router}
 * (the decision: cache, route, fall back), {@code step} (the Kafka worker), {@code usage} ({@code
 * ai.usage.v1}), {@code api} ({@code /api/ai}) and {@code openai} (the OpenAI-compatible door,
 * {@code /v1}, on the same router).
 */
package io.agentic.airouter;
