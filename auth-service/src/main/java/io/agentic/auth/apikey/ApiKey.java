package io.agentic.auth.apikey;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored API key: never its secret, only the secret's peppered HMAC.
 *
 * @param id the key's public id, the part after {@code agk_}
 * @param scopes what tokens exchanged for the key may do, in {@link KeyScopes#ALL}'s order
 * @param secretHash hex HMAC-SHA-256 of the secret (see {@link ApiKeyPepper})
 * @param lastUsedAt when it was last exchanged, to the minute; null while never used
 */
@Document(ApiKey.COLLECTION)
record ApiKey(
    @Id String id,
    String userId,
    String name,
    List<String> scopes,
    String secretHash,
    Instant createdAt,
    Instant lastUsedAt) {

  static final String COLLECTION = "api_keys";
  static final String USER_ID = "userId";
  static final String CREATED_AT = "createdAt";
  static final String LAST_USED_AT = "lastUsedAt";

  @Override
  public String toString() {
    return "ApiKey[id=" + id + ", userId=" + userId + ", name=" + name + ", scopes=" + scopes + "]";
  }
}
