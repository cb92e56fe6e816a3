/**
 * The Redis read cache of workflows ({@code workflow:cache:<id>}): filled on reads, invalidated by
 * every write before it answers, bypassed while Redis fails, switched off by {@code
 * agentic.workflow.cache.enabled=false}. Metrics {@code
 * agentic.cache.requests{cache="workflow",result="hit|miss"}} (Prometheus: {@code
 * agentic_cache_requests_total}); the hit ratio is hits over hits plus misses.
 */
package io.agentic.workflow.cache;
