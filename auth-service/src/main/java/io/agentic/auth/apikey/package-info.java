/**
 * API keys: created, listed and deleted by their owner, stored only as an HMAC of their secret, and
 * exchanged by the gateway (only the gateway: it proves itself with a shared secret) for
 * short-lived access tokens that carry the key's scopes.
 */
package io.agentic.auth.apikey;
