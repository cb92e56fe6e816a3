package io.agentic.gateway.apikey;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.agentic.gateway.GatewayServiceProperties;
import io.agentic.platform.observability.AgenticMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tokens exchanged for keys, reused for most of their life so a key does not cost a call to
 * auth-service on every request. Keyed by the SHA-256 of the whole presented key (never the key
 * itself): a wrong secret for a cached key's id misses. Concurrent requests with the same key share
 * one exchange; a failed exchange is shared by those waiting for it, then forgotten at once.
 *
 * <p>Each request with a key counts once in {@code agentic.cache.requests{cache="api-key"}}: a hit
 * when a cached token served it, a miss when it had to wait for auth-service (nothing cached, or
 * the cached token was revoked).
 */
@Component
class ApiKeyTokenCache {

  static final int MAX_ENTRIES = 10_000;

  /** This cache's {@code cache} tag. */
  static final String CACHE_NAME = "api-key";

  /**
   * An exchange's result. Failures are values, not failed futures, so that the cache does not log
   * every refused key as an error; they expire the moment they complete.
   */
  private record Outcome(ExchangedToken token, Throwable failure) {}

  private final AsyncCache<String, Outcome> cache;
  private final Counter hits;
  private final Counter misses;

  ApiKeyTokenCache(GatewayServiceProperties properties, MeterRegistry meters) {
    this.hits = requests(meters, AgenticMetrics.HIT);
    this.misses = requests(meters, AgenticMetrics.MISS);
    Duration max = properties.apiKeyCacheTtl();
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfter(
                new Expiry<String, Outcome>() {
                  @Override
                  public long expireAfterCreate(String key, Outcome outcome, long now) {
                    return outcome.token() == null
                        ? 0
                        : outcome.token().reuseFor(max, Instant.now()).toNanos();
                  }

                  @Override
                  public long expireAfterUpdate(String key, Outcome outcome, long now, long left) {
                    return expireAfterCreate(key, outcome, now);
                  }

                  @Override
                  public long expireAfterRead(String key, Outcome outcome, long now, long left) {
                    return left;
                  }
                })
            .buildAsync();
  }

  /** The cached token for {@code keyHash}, or empty. */
  Mono<ExchangedToken> cached(String keyHash) {
    CompletableFuture<Outcome> present = cache.getIfPresent(keyHash);
    return present == null
        ? Mono.empty()
        : Mono.fromFuture(present, true).mapNotNull(Outcome::token);
  }

  /**
   * The cached token, or a fresh one from {@code exchange} (shared with concurrent callers). The
   * exchange runs in the context of the request that starts it (its trace, its observation), though
   * the cache subscribes to it apart from that request's chain.
   */
  Mono<ExchangedToken> get(String keyHash, Supplier<Mono<ExchangedToken>> exchange) {
    return Mono.deferContextual(
            requestContext ->
                Mono.fromFuture(
                    () ->
                        cache.get(
                            keyHash,
                            (hash, executor) ->
                                exchange
                                    .get()
                                    .map(token -> new Outcome(token, null))
                                    .onErrorResume(e -> Mono.just(new Outcome(null, e)))
                                    .contextWrite(requestContext)
                                    .toFuture()),
                    true))
        .flatMap(
            outcome ->
                outcome.token() != null
                    ? Mono.just(outcome.token())
                    : Mono.error(outcome.failure()));
  }

  /** One request with a key, served from the cache ({@code hit}) or not. */
  void counted(boolean hit) {
    (hit ? hits : misses).increment();
  }

  /** Forgets {@code token} (revoked); a newer one cached meanwhile stays. */
  void evict(String keyHash, ExchangedToken token) {
    cache
        .asMap()
        .computeIfPresent(
            keyHash,
            (hash, future) -> {
              Outcome cached = future.getNow(null);
              return cached != null
                      && cached.token() != null
                      && cached.token().id().equals(token.id())
                  ? null
                  : future;
            });
  }

  private static Counter requests(MeterRegistry meters, String result) {
    return Counter.builder(AgenticMetrics.CACHE_REQUESTS)
        .description("Requests with an API key, by whether a cached token served them")
        .tag(AgenticMetrics.CACHE, CACHE_NAME)
        .tag(AgenticMetrics.RESULT, result)
        .register(meters);
  }

  static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
