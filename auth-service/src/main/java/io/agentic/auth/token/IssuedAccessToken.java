package io.agentic.auth.token;

import java.time.Instant;

/**
 * A signed access token.
 *
 * @param value the compact JWT
 * @param id its {@code jti}
 * @param expiresIn seconds until it expires
 */
public record IssuedAccessToken(String value, String id, Instant expiresAt, long expiresIn) {}
