/**
 * API keys at the edge: a key ({@code X-API-Key}, or a key as the bearer on {@code /v1/**}) is
 * exchanged with auth-service for a short-lived access token, cached in this process by the SHA-256
 * of the whole key, and the request goes on with that token as if the client had sent it.
 */
package io.agentic.gateway.apikey;
