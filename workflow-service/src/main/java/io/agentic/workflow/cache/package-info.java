/**
 * The Redis read cache of workflows ({@code workflow:cache:<id>}): filled on reads, invalidated by
 * every write before it answers, bypassed while Redis fails. Metrics {@code
 * agentic.cache.requests{cache="workflow",result="hit|miss"}}.
 */
package io.agentic.workflow.cache;
