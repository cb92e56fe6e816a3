package io.agentic.auth.apikey;

import java.time.Instant;
import java.util.List;

/** A key as its owner sees it in lists: never the secret or its hash. */
record ApiKeyView(
    String id,
    String name,
    String prefix,
    List<String> scopes,
    Instant createdAt,
    Instant lastUsedAt) {

  static ApiKeyView of(ApiKey key) {
    return new ApiKeyView(
        key.id(),
        key.name(),
        ApiKeyFormat.prefix(key.id()),
        key.scopes(),
        key.createdAt(),
        key.lastUsedAt());
  }
}
