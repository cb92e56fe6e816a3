/**
 * Access tokens (signed JWTs), refresh tokens (opaque, rotated, stored hashed) and the Redis
 * deny-list that revokes access tokens before they expire.
 */
package io.agentic.auth.token;
