package io.agentic.auth.apikey;

import java.time.Instant;
import java.util.List;

/**
 * The answer to creating a key: the only time {@code key} is ever shown.
 *
 * @param prefix {@code agk_<id>}, what lists show
 */
record CreatedApiKey(
    String id, String name, String prefix, String key, List<String> scopes, Instant createdAt) {

  @Override
  public String toString() {
    return "CreatedApiKey[id=" + id + ", name=" + name + ", key=***]";
  }
}
