package io.agentic.gateway.apikey;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.agentic.gateway.GatewayServiceProperties;
import io.agentic.platform.problem.ApiException;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks auth-service to exchange a key ({@code POST /api/auth/api-keys/exchange}, proving itself
 * with {@code X-Gateway-Secret}). A 401 means the key is no good; anything else that is not a token
 * means auth-service cannot help right now, which is not the client's fault: 503.
 */
@Component
class ApiKeyExchangeClient {

  static final String PATH = "/api/auth/api-keys/exchange";
  static final String SECRET_HEADER = "X-Gateway-Secret";

  private static final Logger log = LoggerFactory.getLogger(ApiKeyExchangeClient.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final WebClient client;
  private final String secret;
  private final JsonMapper json;

  /**
   * The exchanges' timer. Not {@code http.client.requests}: the gateway's routes already time their
   * calls under that name with other tags, and Prometheus keeps only one set of tags per name.
   */
  static final String METRIC = "gateway.api-key.exchanges";

  /**
   * Built from Boot's builder, so that every exchange is observed (timed as {@link #METRIC}) and
   * carries the request's trace on to auth-service.
   */
  ApiKeyExchangeClient(
      GatewayServiceProperties properties, JsonMapper json, WebClient.Builder builder) {
    this.json = json;
    this.secret = properties.gatewaySecret();
    if (secret.isBlank()) {
      log.warn(
          "agentic.gateway.gateway-secret (AGENTIC_GATEWAY_SECRET) is not set: API keys cannot be "
              + "exchanged; give the gateway and auth-service the same value");
    }
    URI auth = properties.services().auth();
    HttpClient http =
        HttpClient.create()
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                Math.toIntExact(properties.connectTimeout().toMillis()))
            .responseTimeout(TIMEOUT);
    this.client =
        builder
            .clone()
            .baseUrl(auth.getScheme() + "://" + auth.getRawAuthority())
            .clientConnector(new ReactorClientHttpConnector(http))
            .observationConvention(new DefaultClientRequestObservationConvention(METRIC))
            .build();
  }

  Mono<ExchangedToken> exchange(String key) {
    if (secret.isBlank()) {
      return Mono.error(unavailable());
    }
    return client
        .post()
        .uri(PATH)
        .header(SECRET_HEADER, secret)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .bodyValue(json.writeValueAsString(Map.of("key", key)))
        .exchangeToMono(
            response -> {
              int status = response.statusCode().value();
              if (status == HttpStatus.OK.value()) {
                return response.bodyToMono(String.class).map(this::token);
              }
              if (status == HttpStatus.UNAUTHORIZED.value()) {
                return response.releaseBody().then(Mono.error(invalidKey()));
              }
              log.warn("auth-service answered {} to an API-key exchange", status);
              return response.releaseBody().then(Mono.error(unavailable()));
            })
        .timeout(TIMEOUT.plusSeconds(1))
        .onErrorMap(
            e -> !(e instanceof ApiException),
            e -> {
              log.warn("Cannot reach auth-service to exchange an API key: {}", e.toString());
              return unavailable();
            });
  }

  private ExchangedToken token(String body) {
    JsonNode answer = json.readTree(body);
    String value = answer.path("accessToken").asString();
    try {
      JWTClaimsSet claims = JWTParser.parse(value).getJWTClaimsSet();
      Instant expiresAt =
          claims.getExpirationTime() != null
              ? claims.getExpirationTime().toInstant()
              : Instant.now().plusSeconds(answer.path("expiresIn").asLong());
      return new ExchangedToken(value, claims.getJWTID(), claims.getStringClaim("fam"), expiresAt);
    } catch (ParseException e) {
      throw new IllegalStateException("auth-service answered an unreadable token", e);
    }
  }

  static ApiException invalidKey() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    return new ApiException(
        HttpStatus.UNAUTHORIZED,
        "UNAUTHORIZED",
        "A valid access token or API key is required",
        List.of(),
        headers);
  }

  private static ApiException unavailable() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "5");
    return new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "SERVICE_UNAVAILABLE",
        "API keys cannot be checked right now; try again shortly",
        List.of(),
        headers);
  }
}
