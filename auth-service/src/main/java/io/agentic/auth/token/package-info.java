/**
 * Access tokens (signed JWTs), refresh tokens (opaque, rotated, stored hashed) and the writes to
 * the platform's Redis deny-list that revoke access tokens before they expire.
 */
package io.agentic.auth.token;
