package io.agentic.auth.apikey;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.agentic.auth.audit.AuditLog;
import io.agentic.auth.token.AccessTokenClaims;
import io.agentic.auth.token.AccessTokens;
import io.agentic.auth.token.IssuedAccessToken;
import io.agentic.auth.token.TokenRevocations;
import io.agentic.auth.user.User;
import io.agentic.auth.user.Users;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import io.agentic.platform.security.CurrentUser;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Creates, lists, deletes and exchanges API keys. Deleting a key denies its token family ({@code
 * key:<id>}), so tokens already exchanged for it stop at once wherever the deny-list is checked.
 * The family is denied before the key is removed: if Redis cannot take it (503) the key is still
 * there for a retry, and a token exchanged in between carries the denied family.
 */
@Component
public class ApiKeys implements InitializingBean {

  static final int MAX_KEYS_PER_USER = 100;
  static final int MAX_NAME = 100;

  /** {@code lastUsedAt} is written at most this often per key, not on every exchange. */
  private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  private final MongoTemplate mongo;
  private final ApiKeyPepper pepper;
  private final Users users;
  private final AccessTokens accessTokens;
  private final TokenRevocations revocations;
  private final KeyTokenLedger ledger;
  private final AuditLog audit;

  ApiKeys(
      MongoTemplate mongo,
      ApiKeyPepper pepper,
      Users users,
      AccessTokens accessTokens,
      TokenRevocations revocations,
      KeyTokenLedger ledger,
      AuditLog audit) {
    this.mongo = mongo;
    this.pepper = pepper;
    this.users = users;
    this.accessTokens = accessTokens;
    this.revocations = revocations;
    this.ledger = ledger;
    this.audit = audit;
  }

  /** Indexes exist before the first request is served. */
  @Override
  public void afterPropertiesSet() {
    mongo
        .indexOps(ApiKey.COLLECTION)
        .createIndex(new Index().on(ApiKey.USER_ID, Direction.ASC).named("user"));
  }

  CreatedApiKey create(CurrentUser caller, CreateApiKeyRequest request) {
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty()
        || name.length() > MAX_NAME
        || name.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.invalid(
          "VALIDATION_FAILED",
          "The request is invalid",
          List.of(
              new FieldProblem(
                  "name", "is required: 1 to " + MAX_NAME + " characters, no control characters")));
    }
    List<String> scopes = KeyScopes.forNewKey(request.scopes(), caller.role());
    if (mongo.count(ownedBy(caller.id()), ApiKey.class) >= MAX_KEYS_PER_USER) {
      throw ApiException.conflict(
          "TOO_MANY_API_KEYS",
          "A user may hold at most " + MAX_KEYS_PER_USER + " API keys; delete one first");
    }
    String secret = ApiKeyFormat.newSecret();
    ApiKey key = insertWithFreshId(caller.id(), name, scopes, pepper.hash(secret));
    audit.record(
        "api_key_created",
        caller.id(),
        caller.id(),
        AuditLog.SUCCESS,
        Map.of("keyId", key.id(), "scopes", String.join(" ", scopes)));
    return new CreatedApiKey(
        key.id(),
        key.name(),
        ApiKeyFormat.prefix(key.id()),
        ApiKeyFormat.compose(key.id(), secret),
        key.scopes(),
        key.createdAt());
  }

  ApiKeyPage list(String userId, int page, int size) {
    List<ApiKeyView> items =
        mongo
            .find(
                ownedBy(userId)
                    .with(Sort.by(Direction.DESC, ApiKey.CREATED_AT).and(Sort.by("_id")))
                    .skip((long) page * size)
                    .limit(size),
                ApiKey.class)
            .stream()
            .map(ApiKeyView::of)
            .toList();
    return new ApiKeyPage(items, page, size, mongo.count(ownedBy(userId), ApiKey.class));
  }

  /**
   * Deletes one of {@code userId}'s keys; tokens exchanged for it stop at once.
   *
   * @throws ApiException 404 when {@code userId} has no such key (whoever else may have it)
   */
  void delete(String userId, String keyId) {
    Query owned = query(where("_id").is(keyId).and(ApiKey.USER_ID).is(userId));
    if (!mongo.exists(owned, ApiKey.class)) {
      throw ApiException.notFound("API key " + keyId);
    }
    revocations.denyFamily(AccessTokenClaims.apiKeyFamily(keyId));
    if (mongo.remove(owned, ApiKey.class).getDeletedCount() == 0) {
      throw ApiException.notFound("API key " + keyId); // deleted meanwhile
    }
    audit.record("api_key_deleted", userId, userId, AuditLog.SUCCESS, Map.of("keyId", keyId));
  }

  /**
   * A short-lived access token for the owner of {@code presented}, carrying the key's scopes; empty
   * when the key is malformed, unknown, deleted, wrong, or its owner's role leaves it no scope.
   */
  Optional<IssuedAccessToken> exchange(String presented) {
    Optional<ApiKeyFormat.Parts> parts = ApiKeyFormat.parse(presented);
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    ApiKey key = mongo.findById(parts.get().id(), ApiKey.class);
    if (key == null) {
      pepper.hash(parts.get().secret()); // the same work as for a known id
      return Optional.empty();
    }
    if (!pepper.matches(parts.get().secret(), key.secretHash())) {
      return Optional.empty();
    }
    Optional<User> owner = users.findById(key.userId());
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    List<String> scopes = KeyScopes.usableBy(owner.get().role(), key.scopes());
    if (scopes.isEmpty()) {
      return Optional.empty();
    }
    User user = owner.get();
    IssuedAccessToken token =
        accessTokens.issueForApiKey(user.id(), user.username(), user.role(), key.id(), scopes);
    ledger.recordIssued(user.id(), token);
    markUsed(key.id());
    return Optional.of(token);
  }

  /**
   * Deletes all of {@code userId}'s keys (account deletion); their tokens stop at once. Each key's
   * family is denied before the key is removed, so a failure (503) leaves keys to find on a retry.
   */
  public void deleteAllOf(String userId) {
    List<String> ids = mongo.find(ownedBy(userId), ApiKey.class).stream().map(ApiKey::id).toList();
    ids.forEach(id -> revocations.denyFamily(AccessTokenClaims.apiKeyFamily(id)));
    ledger.denyIssuedTo(userId);
    if (!ids.isEmpty()) {
      mongo.remove(query(where("_id").in(ids)), ApiKey.class);
    }
  }

  /**
   * Denies the tokens exchanged so far for {@code userId}'s keys (role change): they carry the old
   * role. The keys stay; the next exchange issues tokens with the new role.
   */
  public void revokeTokensOf(String userId) {
    ledger.denyIssuedTo(userId);
  }

  private ApiKey insertWithFreshId(
      String userId, String name, List<String> scopes, String secretHash) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    for (int attempt = 0; ; attempt++) {
      try {
        return mongo.insert(
            new ApiKey(ApiKeyFormat.newId(), userId, name, scopes, secretHash, now, null));
      } catch (DuplicateKeyException e) {
        if (attempt >= 3) {
          throw e; // 71 random bits colliding four times: something else is wrong
        }
      }
    }
  }

  private static Query ownedBy(String userId) {
    return query(where(ApiKey.USER_ID).is(userId));
  }

  private void markUsed(String keyId) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    mongo.updateFirst(
        query(
            where("_id")
                .is(keyId)
                .orOperator(
                    where(ApiKey.LAST_USED_AT).is(null),
                    where(ApiKey.LAST_USED_AT).lt(now.minus(LAST_USED_RESOLUTION)))),
        new Update().set(ApiKey.LAST_USED_AT, now),
        ApiKey.class);
  }
}
