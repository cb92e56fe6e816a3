package io.agentic.gateway.ratelimit;

import io.agentic.gateway.edge.ClientAddress;
import io.agentic.gateway.edge.EdgeFilterOrder;
import io.agentic.gateway.redis.RedisOutage;
import java.io.ByteArrayOutputStream;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stops password guessing at the edge, before a sign-in costs auth-service an Argon2 hash: {@code
 * POST /api/auth/login} is refused with 429 while one of its {@link LoginAttempts} counters is at
 * its limit (the correct password too, until the window ends). The gateway learns the outcome from
 * auth-service's answer: a 401 counts as a failure, a 200 clears the account-and-address count —
 * both before the answer goes out, so a client's next attempt already sees them.
 */
@Component
class LoginAttemptFilter implements WebFilter, Ordered {

  static final String LOGIN_PATH = "/api/auth/login";

  private final LoginAttempts attempts;
  private final JsonMapper json;
  private final RedisOutage outage =
      new RedisOutage(
          LoggerFactory.getLogger(LoginAttemptFilter.class), "sign-in attempts are not limited");

  LoginAttemptFilter(LoginAttempts attempts, JsonMapper json) {
    this.attempts = attempts;
    this.json = json;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (request.getMethod() != HttpMethod.POST
        || !LOGIN_PATH.equals(request.getPath().pathWithinApplication().value())) {
      return chain.filter(exchange);
    }
    String ip = ClientAddress.of(exchange);
    return readBody(request)
        .flatMap(
            body -> {
              LoginAttempts.Counters counters = attempts.countersFor(loginIn(body), ip);
              return attempts
                  .blockedFor(counters)
                  .onErrorResume(
                      e -> {
                        outage.report(e);
                        return Mono.just(java.time.Duration.ZERO);
                      })
                  .flatMap(
                      wait ->
                          wait.isPositive()
                              ? Mono.error(
                                  RateLimited.after(
                                      wait, "Too many failed sign-ins; try again later"))
                              : forward(exchange, chain, body, counters));
            });
  }

  private Mono<Void> forward(
      ServerWebExchange exchange,
      WebFilterChain chain,
      byte[] body,
      LoginAttempts.Counters counters) {
    ServerHttpRequest replay =
        new ServerHttpRequestDecorator(exchange.getRequest()) {
          @Override
          public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
          }
        };
    ServerWebExchange forwarded = exchange.mutate().request(replay).build();
    forwarded
        .getResponse()
        .beforeCommit(() -> record(forwarded.getResponse().getStatusCode(), counters));
    return chain.filter(forwarded);
  }

  private Mono<Void> record(HttpStatusCode status, LoginAttempts.Counters counters) {
    Mono<Void> update;
    if (status == null) {
      return Mono.empty();
    } else if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
      update = attempts.recordFailure(counters);
    } else if (status.value() == HttpStatus.OK.value()) {
      update = attempts.recordSuccess(counters);
    } else {
      return Mono.empty();
    }
    return update.onErrorResume(
        e -> {
          outage.report(e);
          return Mono.empty();
        });
  }

  /** The {@code login} field of a JSON body, or null when there is none to count by. */
  private String loginIn(byte[] body) {
    try {
      JsonNode login = json.readTree(body).path("login");
      return login.isString() && !login.asString().isBlank() ? login.asString() : null;
    } catch (JacksonException | IllegalArgumentException e) {
      return null; // auth-service answers 400; only the address counts
    }
  }

  /** The whole body (the body size filter has capped it), each chunk released once copied. */
  private static Mono<byte[]> readBody(ServerHttpRequest request) {
    return request
        .getBody()
        .reduce(
            new ByteArrayOutputStream(),
            (bytes, buffer) -> {
              try {
                byte[] chunk = new byte[buffer.readableByteCount()];
                buffer.read(chunk);
                bytes.writeBytes(chunk);
                return bytes;
              } finally {
                DataBufferUtils.release(buffer);
              }
            })
        .map(ByteArrayOutputStream::toByteArray)
        .defaultIfEmpty(new byte[0]);
  }

  @Override
  public int getOrder() {
    return EdgeFilterOrder.LOGIN_ATTEMPTS;
  }
}
