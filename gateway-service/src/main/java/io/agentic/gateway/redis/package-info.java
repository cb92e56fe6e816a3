/** What the gateway's Redis uses (deny-list, rate limits, login limits) share. */
package io.agentic.gateway.redis;
