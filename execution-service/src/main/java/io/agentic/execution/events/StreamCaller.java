package io.agentic.execution.events;

import io.agentic.platform.security.CurrentUser;
import java.time.Instant;

/**
 * Who reads an event stream, and with which credential: the stream ends when that token expires or
 * is revoked (by itself, {@code jti}, or with its whole login family, {@code fam}).
 */
record StreamCaller(CurrentUser user, String tokenId, String familyId, Instant expiresAt) {}
