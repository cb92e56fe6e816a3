package io.agentic.gateway.apikey;

import io.agentic.gateway.edge.EdgeFilterOrder;
import io.agentic.gateway.security.PublicPaths;
import io.agentic.gateway.security.TokenRevocation;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Turns an API key into the access token it stands for before the token check runs: from the cache
 * when a token for this exact key is there and not revoked (a deleted key's family, or a role
 * change denying its tokens, sends it back to auth-service), otherwise from auth-service. The key
 * itself never goes further than this filter: the request continues with {@code Authorization:
 * Bearer <token>} only. Public paths ignore keys as they ignore tokens.
 */
@Component
class ApiKeyFilter implements WebFilter, Ordered {

  private final ApiKeyTokenCache cache;
  private final ApiKeyExchangeClient auth;
  private final TokenRevocation revocation;
  private final ServerWebExchangeMatcher open = PublicPaths.matcher();

  ApiKeyFilter(ApiKeyTokenCache cache, ApiKeyExchangeClient auth, TokenRevocation revocation) {
    this.cache = cache;
    this.auth = auth;
    this.revocation = revocation;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String key = PresentedApiKey.in(exchange.getRequest()).orElse(null);
    if (key == null) {
      return chain.filter(exchange);
    }
    return open.matches(exchange)
        .flatMap(
            match -> {
              if (match.isMatch()) {
                return chain.filter(exchange);
              }
              if (!PresentedApiKey.isWellFormed(key)) {
                return Mono.error(ApiKeyExchangeClient.invalidKey());
              }
              return tokenFor(key, exchange)
                  .flatMap(token -> chain.filter(withoutKey(exchange, token.value())));
            });
  }

  /**
   * A token for {@code key} that the deny-list does not name; marks the exchange as checked when
   * the deny-list could say so (if Redis cannot, the security chain decides by method).
   */
  private Mono<ExchangedToken> tokenFor(String key, ServerWebExchange exchange) {
    String hash = ApiKeyTokenCache.hash(key);
    return cache
        .cached(hash)
        .flatMap(
            cached ->
                revocation
                    .isDenied(cached.id(), cached.family())
                    .map(denied -> denied ? Verdict.DENIED : Verdict.ALLOWED)
                    .onErrorReturn(Verdict.UNKNOWN)
                    .flatMap(
                        verdict ->
                            switch (verdict) {
                              case ALLOWED -> {
                                markChecked(exchange, cached);
                                cache.counted(true);
                                yield Mono.just(cached);
                              }
                              case UNKNOWN -> {
                                cache.counted(true);
                                yield Mono.just(cached);
                              }
                              case DENIED -> {
                                cache.evict(hash, cached);
                                yield fresh(hash, key, exchange);
                              }
                            }))
        .switchIfEmpty(Mono.defer(() -> fresh(hash, key, exchange)));
  }

  /** What the deny-list says of a cached token; UNKNOWN while Redis cannot answer. */
  private enum Verdict {
    ALLOWED,
    DENIED,
    UNKNOWN
  }

  private Mono<ExchangedToken> fresh(String hash, String key, ServerWebExchange exchange) {
    cache.counted(false);
    return cache
        .get(hash, () -> auth.exchange(key))
        .doOnNext(token -> markChecked(exchange, token));
  }

  /** Just issued, or checked against the deny-list a moment ago. */
  private static void markChecked(ServerWebExchange exchange, ExchangedToken token) {
    if (token.id() != null) {
      exchange.getAttributes().put(TokenRevocation.CHECKED_ATTRIBUTE, token.id());
    }
  }

  /** The request as if the client had sent the token: no key header, the token as bearer. */
  private static ServerWebExchange withoutKey(ServerWebExchange exchange, String token) {
    ServerHttpRequest request =
        exchange
            .getRequest()
            .mutate()
            .headers(
                headers -> {
                  headers.remove(PresentedApiKey.HEADER);
                  headers.setBearerAuth(token);
                })
            .build();
    return exchange.mutate().request(request).build();
  }

  @Override
  public int getOrder() {
    return EdgeFilterOrder.API_KEY_EXCHANGE;
  }
}
