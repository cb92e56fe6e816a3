package io.agentic.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.agentic.testsupport.TestInfrastructureInitializer;
import io.agentic.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * What every servlet service gets from the platform: it verifies access tokens itself, honours
 * auth-service's deny-list at once, limits API-key tokens to their scopes, and answers every
 * refusal as problem+json.
 */
@SpringBootTest(
    classes = ResourceServerIT.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.kafka.listener.auto-startup=false")
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
class ResourceServerIT {

  @LocalServerPort int port;
  @Autowired StringRedisTemplate redis;

  RestClient http;

  @BeforeEach
  void client() {
    http =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .defaultStatusHandler(status -> true, (request, response) -> {})
            .build();
  }

  @Test
  void acceptsATokenSignedLikeAuthServiceAndResolvesTheCaller() {
    String id = TestTokens.newUserId();

    ResponseEntity<Map> answer = get("/api/workflows/whoami", TestTokens.user(id));

    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getBody()).containsEntry("id", id).containsEntry("role", "user");
    assertThat(answer.getHeaders().getFirst("X-Request-Id")).isNotBlank();
  }

  @Test
  void refusesMissingExpiredForeignAndTamperedTokensWithProblems() {
    String id = TestTokens.newUserId();
    String valid = TestTokens.user(id);
    String tampered = valid.substring(0, valid.length() - 4) + "AAAA";

    for (String token :
        new String[] {
          null,
          TestTokens.token(id, "user", "agentic", "agentic-api", Instant.now().minusSeconds(120)),
          TestTokens.token(
              id, "user", "someone-else", "agentic-api", Instant.now().plusSeconds(60)),
          TestTokens.token(id, "user", "agentic", "other-api", Instant.now().plusSeconds(60)),
          tampered
        }) {
      ResponseEntity<Map> answer = get("/api/workflows/whoami", token);
      assertThat(answer.getStatusCode().value()).isEqualTo(401);
      assertThat(answer.getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(answer.getBody()).containsEntry("code", "UNAUTHORIZED");
    }
  }

  @Test
  void aLoggedOutTokenStopsWorkingAtOnce() throws Exception {
    String token = TestTokens.user(TestTokens.newUserId());
    String jti = SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
    assertThat(get("/api/workflows/whoami", token).getStatusCode().value()).isEqualTo(200);

    redis.opsForValue().set(TokenDenyList.JTI_PREFIX + jti, "1", Duration.ofMinutes(1));

    ResponseEntity<Map> answer = get("/api/workflows/whoami", token);
    assertThat(answer.getStatusCode().value()).isEqualTo(401);
    assertThat(answer.getBody()).containsEntry("detail", "The token has been revoked");
  }

  @Test
  void aRevokedLoginFamilyStopsEveryTokenOfIt() throws Exception {
    String token = TestTokens.user(TestTokens.newUserId());
    String family = SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("fam");

    redis.opsForValue().set(TokenDenyList.FAMILY_PREFIX + family, "1", Duration.ofMinutes(1));

    assertThat(get("/api/workflows/whoami", token).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void anApiKeyTokenMayOnlyDoWhatItsScopesName() {
    String id = TestTokens.newUserId();
    String readOnly = TestTokens.withScopes(id, "user", List.of(ApiScopes.WORKFLOWS_READ));

    assertThat(get("/api/workflows/whoami", readOnly).getStatusCode().value()).isEqualTo(200);
    ResponseEntity<Map> write =
        http.post()
            .uri("/api/workflows/touch")
            .header("Authorization", "Bearer " + readOnly)
            .retrieve()
            .toEntity(Map.class);
    assertThat(write.getStatusCode().value()).isEqualTo(403);
    assertThat(write.getBody()).containsEntry("code", "INSUFFICIENT_SCOPE");
  }

  @Test
  void openEndpointsNeedNoToken() {
    assertThat(get("/actuator/health/liveness", null).getStatusCode().value()).isEqualTo(200);
  }

  private ResponseEntity<Map> get(String path, String token) {
    return http.get()
        .uri(path)
        .headers(
            h -> {
              if (token != null) {
                h.setBearerAuth(token);
              }
            })
        .retrieve()
        .toEntity(Map.class);
  }

  @RestController
  static class Probe {
    @GetMapping("/api/workflows/whoami")
    Map<String, Object> whoami(CurrentUser user) {
      return Map.of("id", user.id(), "role", user.role());
    }

    @PostMapping("/api/workflows/touch")
    Map<String, Object> touch(CurrentUser user) {
      return Map.of("touched", true);
    }
  }

  @Configuration
  @EnableAutoConfiguration
  @Import(Probe.class)
  static class App {}
}
