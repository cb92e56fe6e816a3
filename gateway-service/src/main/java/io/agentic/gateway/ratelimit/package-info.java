/**
 * Rate limits kept in Redis, so every gateway replica counts the same: token buckets per client
 * address and per user or API key, and failed sign-ins per account, address and both. All of them
 * let requests through (and log) while Redis cannot answer.
 */
package io.agentic.gateway.ratelimit;
