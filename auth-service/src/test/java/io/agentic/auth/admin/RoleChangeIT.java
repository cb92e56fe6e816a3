package io.agentic.auth.admin;

import static io.agentic.auth.AuthApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.agentic.auth.AuthApi;
import io.agentic.auth.AuthApi.Account;
import io.agentic.auth.AuthApi.Response;
import io.agentic.auth.AuthServiceIntegrationTest;
import io.agentic.platform.security.TokenDenyList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

@AuthServiceIntegrationTest
class RoleChangeIT {

  static final String SECRET = AuthServiceIntegrationTest.GATEWAY_SECRET;

  @LocalServerPort int port;

  @Autowired StringRedisTemplate redis;

  AuthApi api;
  String admin;

  @BeforeEach
  void client() {
    api = new AuthApi(port);
    admin =
        api.login(AuthServiceIntegrationTest.ADMIN_EMAIL, AuthServiceIntegrationTest.ADMIN_PASSWORD)
            .text("accessToken");
  }

  @Test
  void roleChangeDeniesEveryAccessTokenIssuedBefore() throws Exception {
    // given two logins and a token exchanged for a key
    Account target = api.newAccount();
    Response older = api.login(target.username(), AuthApi.PASSWORD);
    String key = api.createKey(target.accessToken(), "k", null).text("key");
    String keyToken = api.exchange(key, SECRET).text("accessToken");

    // when
    Response changed =
        api.put("/api/auth/users/" + target.id() + "/role", "{\"role\":\"viewer\"}", admin);

    // then
    assertThat(changed.status()).isEqualTo(200);
    for (String token : List.of(target.accessToken(), older.text("accessToken"), keyToken)) {
      assertProblem(api.me(token), 401, "UNAUTHORIZED");
    }
    // the deny-list says so to every service: the logins by family, the key token by jti
    assertThat(
            redis.hasKey(
                TokenDenyList.FAMILY_PREFIX
                    + claims(older.text("accessToken")).getStringClaim("fam")))
        .isTrue();
    assertThat(redis.hasKey(TokenDenyList.JTI_PREFIX + claims(keyToken).getJWTID())).isTrue();
  }

  @Test
  void aRoleChangeDeniesALoginRevokedMomentsBeforeWhoseDenialWasLost() throws Exception {
    // given a login ended by refresh-token reuse whose deny-list write was lost (Redis failed)
    Account target = api.newAccount();
    api.refresh(target.refreshToken());
    api.refresh(target.refreshToken());
    String family = claims(target.accessToken()).getStringClaim("fam");
    redis.delete(TokenDenyList.FAMILY_PREFIX + family);
    assertThat(api.me(target.accessToken()).status()).isEqualTo(200);

    // when its role changes
    api.put("/api/auth/users/" + target.id() + "/role", "{\"role\":\"viewer\"}", admin);

    // then that login's access token stops with the others
    assertThat(redis.hasKey(TokenDenyList.FAMILY_PREFIX + family)).isTrue();
    assertProblem(api.me(target.accessToken()), 401, "UNAUTHORIZED");
  }

  @Test
  void keysKeepWorkingWithTheNewRoleAndNoMoreThanItAllows() throws Exception {
    // given
    Account target = api.newAccount();
    String key = api.createKey(target.accessToken(), "k", null).text("key");
    api.exchange(key, SECRET);

    // when
    api.put("/api/auth/users/" + target.id() + "/role", "{\"role\":\"viewer\"}", admin);
    Response exchanged = api.exchange(key, SECRET);

    // then
    assertThat(exchanged.status()).isEqualTo(200);
    JWTClaimsSet claims = claims(exchanged.text("accessToken"));
    assertThat(claims.getStringClaim("role")).isEqualTo("viewer");
    assertThat(claims.getStringClaim("scope")).isEqualTo("workflows:read");
    assertThat(api.me(exchanged.text("accessToken")).status()).isEqualTo(200);
  }

  @Test
  void aViewerCannotUseAKeyWithoutReadScope() {
    Account target = api.newAccount();
    String key = api.createKey(target.accessToken(), "ai only", List.of("ai:use")).text("key");

    api.put("/api/auth/users/" + target.id() + "/role", "{\"role\":\"viewer\"}", admin);

    assertProblem(api.exchange(key, SECRET), 401, "INVALID_API_KEY");
  }

  private static JWTClaimsSet claims(String token) throws Exception {
    return JWTParser.parse(token).getJWTClaimsSet();
  }
}
