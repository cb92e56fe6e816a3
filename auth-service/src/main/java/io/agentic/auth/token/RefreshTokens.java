package io.agentic.auth.token;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.agentic.auth.AuthProperties;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Issues, spends and revokes refresh tokens. Rotation without a grace window: each token is good
 * for one exchange, and presenting it again revokes its family (RFC 9700 §4.14.2) — the refresh
 * tokens in MongoDB and the family's access tokens through the deny-list ({@link
 * TokenRevocations}).
 */
@Component
public class RefreshTokens implements InitializingBean {

  private final MongoTemplate mongo;
  private final TokenRevocations revocations;
  private final AuthProperties properties;

  RefreshTokens(MongoTemplate mongo, TokenRevocations revocations, AuthProperties properties) {
    this.mongo = mongo;
    this.revocations = revocations;
    this.properties = properties;
  }

  /** Indexes exist before the first request is served. */
  @Override
  public void afterPropertiesSet() {
    var indexes = mongo.indexOps(RefreshToken.COLLECTION);
    indexes.createIndex(new Index().on(RefreshToken.FAMILY_ID, Direction.ASC).named("family"));
    indexes.createIndex(new Index().on(RefreshToken.USER_ID, Direction.ASC).named("user"));
    // Spent and expired tokens are of no further use; MongoDB deletes them (tests' server not).
    indexes.createIndex(
        new Index().on(RefreshToken.EXPIRES_AT, Direction.ASC).named("expiry").expire(0));
  }

  /** A family id for a new login. */
  public String newFamily() {
    return UUID.randomUUID().toString();
  }

  /** A new refresh token of {@code familyId}; only its hash is stored. */
  public String issue(String userId, String familyId) {
    String value = RefreshTokenValues.newValue();
    Instant now = Instant.now();
    mongo.insert(
        new RefreshToken(
            RefreshTokenValues.hash(value),
            familyId,
            userId,
            now,
            now.plus(properties.refreshTokenTtl()),
            null,
            null));
    return value;
  }

  /**
   * Spends {@code presented}. The spend is one conditional update (unused, unrevoked, unexpired →
   * used), so of two concurrent exchanges of the same token exactly one succeeds; the other counts
   * as reuse.
   */
  public RefreshOutcome spend(String presented) {
    if (!RefreshTokenValues.isWellFormed(presented)) {
      return new RefreshOutcome.Rejected();
    }
    String hash = RefreshTokenValues.hash(presented);
    Instant now = Instant.now();
    RefreshToken spent =
        mongo.findAndModify(
            query(
                where("_id")
                    .is(hash)
                    .and(RefreshToken.USED_AT)
                    .is(null)
                    .and(RefreshToken.REVOKED_AT)
                    .is(null)
                    .and(RefreshToken.EXPIRES_AT)
                    .gt(now)),
            new Update().set(RefreshToken.USED_AT, now),
            FindAndModifyOptions.options().returnNew(true),
            RefreshToken.class);
    if (spent != null) {
      // A family revoked while this exchange was in flight has no unrevoked future.
      return isRevoked(spent.familyId())
          ? new RefreshOutcome.Rejected()
          : new RefreshOutcome.Spent(spent.userId(), spent.familyId());
    }
    RefreshToken known = mongo.findById(hash, RefreshToken.class);
    if (known == null || !known.expiresAt().isAfter(now)) {
      return new RefreshOutcome.Rejected();
    }
    if (known.revokedAt() != null) {
      if (known.usedAt() != null
          && known.revokedAt().plus(TokenRevocations.FAMILY_DENIAL).isAfter(now)) {
        // Reused again while the family's access tokens may live: deny them (again), in case the
        // first detection's deny-list write failed after the refresh tokens were revoked.
        revocations.denyFamily(known.familyId());
      }
      return new RefreshOutcome.Rejected();
    }
    // Reuse: the refresh tokens first, so the login cannot go on even while Redis is down; then
    // the access tokens. If that fails (503), presenting the spent token again finishes it above.
    revokeRefreshTokens(known.familyId());
    revocations.denyFamily(known.familyId());
    return new RefreshOutcome.Reused(known.userId(), known.familyId());
  }

  /** The family of {@code presented} if it is one of {@code userId}'s tokens. */
  public Optional<String> familyOf(String presented, String userId) {
    if (!RefreshTokenValues.isWellFormed(presented)) {
      return Optional.empty();
    }
    return Optional.ofNullable(
            mongo.findById(RefreshTokenValues.hash(presented), RefreshToken.class))
        .filter(token -> token.userId().equals(userId))
        .map(RefreshToken::familyId);
  }

  /**
   * Ends one login: its access tokens are denied, then its refresh tokens revoked. In this order a
   * failure (Redis down: 503) leaves the family unrevoked, so {@link #revokeAllOf} finds it again
   * on a retry.
   */
  public void revokeFamily(String familyId) {
    revocations.denyFamily(familyId);
    revokeRefreshTokens(familyId);
  }

  /**
   * Ends every live login of {@code userId} (role change, deletion). Families revoked in the last
   * {@link TokenRevocations#FAMILY_DENIAL} are denied again: their access tokens may still live,
   * and a refresh-token reuse detected while Redis was down revoked one without denying it.
   */
  public void revokeAllOf(String userId) {
    Instant now = Instant.now();
    List<String> families =
        mongo
            .findDistinct(
                query(
                    where(RefreshToken.USER_ID)
                        .is(userId)
                        // a family whose newest refresh token has expired has no live access token
                        .and(RefreshToken.EXPIRES_AT)
                        .gt(now)
                        .orOperator(
                            where(RefreshToken.REVOKED_AT).is(null),
                            where(RefreshToken.REVOKED_AT)
                                .gt(now.minus(TokenRevocations.FAMILY_DENIAL)))),
                RefreshToken.FAMILY_ID,
                RefreshToken.class,
                String.class)
            .stream()
            .distinct()
            .toList();
    families.forEach(this::revokeFamily);
  }

  private void revokeRefreshTokens(String familyId) {
    mongo.updateMulti(
        query(where(RefreshToken.FAMILY_ID).is(familyId).and(RefreshToken.REVOKED_AT).is(null)),
        new Update().set(RefreshToken.REVOKED_AT, Instant.now()),
        RefreshToken.class);
  }

  private boolean isRevoked(String familyId) {
    return mongo.exists(
        query(where(RefreshToken.FAMILY_ID).is(familyId).and(RefreshToken.REVOKED_AT).ne(null)),
        RefreshToken.class);
  }
}
