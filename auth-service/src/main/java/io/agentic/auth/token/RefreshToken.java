package io.agentic.auth.token;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One refresh token, stored only as the SHA-256 of its value. Every token of one login shares a
 * {@code familyId}; a token is spent once ({@code usedAt}) and then replaced by the next.
 *
 * @param hash hex SHA-256 of the token's value, the document id
 * @param usedAt when it was exchanged for a new pair; null while unused
 * @param revokedAt when its family was revoked (logout, reuse, role change); null while valid
 */
@Document(RefreshToken.COLLECTION)
record RefreshToken(
    @Id String hash,
    String familyId,
    String userId,
    Instant issuedAt,
    Instant expiresAt,
    Instant usedAt,
    Instant revokedAt) {

  static final String COLLECTION = "refresh_tokens";
  static final String FAMILY_ID = "familyId";
  static final String USER_ID = "userId";
  static final String EXPIRES_AT = "expiresAt";
  static final String USED_AT = "usedAt";
  static final String REVOKED_AT = "revokedAt";
}
