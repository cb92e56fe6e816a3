package io.agentic.gateway.security;

import static io.agentic.gateway.GatewayClient.assertProblem;
import static io.agentic.gateway.GatewayClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.gateway.GatewayIntegrationTest;
import io.agentic.gateway.Tokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** auth-service revokes by writing its deny-list; the gateway reads it on every request. */
class RevocationIT extends GatewayIntegrationTest {

  @Autowired StringRedisTemplate redis;

  @Test
  void aLoggedOutTokenIsRefusedAtTheEdgeAtOnce() {
    // given a token that works
    String jti = UUID.randomUUID().toString();
    String token = Tokens.signed(Tokens.KEY, Tokens.claims().jwtID(jti).build());
    assertThat(
            gateway
                .send(
                    gateway
                        .request("/api/workflows")
                        .header("Authorization", "Bearer " + token)
                        .GET())
                .statusCode())
        .isEqualTo(200);

    // when auth-service logs it out
    redis.opsForValue().set("auth:deny:jti:" + jti, "1", Duration.ofMinutes(16));
    String path = "/api/workflows/" + UUID.randomUUID();
    HttpResponse<byte[]> response =
        gateway.send(gateway.request(path).header("Authorization", "Bearer " + token).GET());

    // then
    assertProblem(response, 401, "UNAUTHORIZED");
    assertThat(header(response, "WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
    assertThat(WORKFLOW.received(path)).isEmpty();
  }

  @Test
  void aRevokedLoginStopsEveryTokenItIssued() {
    // given two tokens of one login (refreshed) and one of another login of the same user
    String user = UUID.randomUUID().toString();
    String family = UUID.randomUUID().toString();
    String first =
        Tokens.signed(Tokens.KEY, Tokens.claims().subject(user).claim("fam", family).build());
    String refreshed =
        Tokens.signed(Tokens.KEY, Tokens.claims().subject(user).claim("fam", family).build());
    String otherLogin =
        Tokens.signed(
            Tokens.KEY,
            Tokens.claims().subject(user).claim("fam", UUID.randomUUID().toString()).build());

    // when auth-service revokes the family (logout, refresh reuse, role change, user deletion)
    redis.opsForValue().set("auth:deny:fam:" + family, "1", Duration.ofMinutes(16));

    // then
    assertProblem(post("/api/executions", first), 401, "UNAUTHORIZED");
    assertProblem(get("/api/workflows", refreshed), 401, "UNAUTHORIZED");
    assertThat(get("/api/workflows", otherLogin).statusCode()).isEqualTo(200);
  }

  private HttpResponse<byte[]> get(String path, String token) {
    return gateway.send(gateway.request(path).header("Authorization", "Bearer " + token).GET());
  }

  private HttpResponse<byte[]> post(String path, String token) {
    return gateway.send(
        gateway
            .request(path)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
  }
}
