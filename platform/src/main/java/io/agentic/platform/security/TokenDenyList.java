package io.agentic.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Revoked access tokens, shared by every service through Redis. auth-service writes an entry on
 * logout ({@code auth:deny:jti:<jti>}) and when a login's whole family is revoked — refresh-token
 * reuse, role change, user deletion — ({@code auth:deny:fam:<fam>}), each expiring when the tokens
 * it covers would have. Every service reads it on each authenticated request.
 */
public final class TokenDenyList {

  public static final String JTI_PREFIX = "auth:deny:jti:";
  public static final String FAMILY_PREFIX = "auth:deny:fam:";

  private final ObjectProvider<StringRedisTemplate> redis;

  public TokenDenyList(ObjectProvider<StringRedisTemplate> redis) {
    this.redis = redis;
  }

  /**
   * Whether the token with this id, or its login family, was revoked. Throws when Redis cannot
   * answer: callers decide whether to fail open or closed.
   */
  public boolean isDenied(String tokenId, String familyId) {
    List<String> keys = new ArrayList<>(2);
    if (tokenId != null) {
      keys.add(JTI_PREFIX + tokenId);
    }
    if (familyId != null) {
      keys.add(FAMILY_PREFIX + familyId);
    }
    if (keys.isEmpty()) {
      return false;
    }
    Long found = redis.getObject().countExistingKeys(keys);
    return found != null && found > 0;
  }
}
