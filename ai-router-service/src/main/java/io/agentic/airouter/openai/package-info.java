/**
 * The OpenAI-compatible door: {@code POST /v1/chat/completions} and {@code GET /v1/models}, so that
 * any OpenAI SDK can use the router. A request goes through the same {@code AiRouter} as a workflow
 * step (routing, fallback, guards, quotas, budget, cache, usage records); only the wire shapes are
 * OpenAI's. Errors stay the suite's problem+json, with an OpenAI-style {@code error} member added.
 */
package io.agentic.airouter.openai;
