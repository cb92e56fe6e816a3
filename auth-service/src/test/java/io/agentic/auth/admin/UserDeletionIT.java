package io.agentic.auth.admin;

import static io.agentic.auth.AuthApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTParser;
import io.agentic.auth.AuthApi;
import io.agentic.auth.AuthApi.Account;
import io.agentic.auth.AuthApi.Response;
import io.agentic.auth.AuthServiceIntegrationTest;
import io.agentic.auth.user.Users;
import io.agentic.platform.security.CurrentUser;
import io.agentic.platform.security.TokenDenyList;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

@AuthServiceIntegrationTest
class UserDeletionIT {

  static final String SECRET = AuthServiceIntegrationTest.GATEWAY_SECRET;

  @LocalServerPort int port;

  @Autowired Users users;
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
  void deletingAUserStopsAllTheirTokensAndKeysAtOnce() {
    // given a user with two logins, an API key and a token exchanged for it
    Account target = api.newAccount();
    Response secondLogin = api.login(target.email(), AuthApi.PASSWORD);
    Response key = api.createKey(target.accessToken(), "k", null);
    String keyToken = api.exchange(key.text("key"), SECRET).text("accessToken");
    assertThat(api.me(keyToken).status()).isEqualTo(200);

    // when
    Response deleted = api.delete("/api/auth/users/" + target.id(), admin);

    // then
    assertThat(deleted.status()).isEqualTo(204);
    assertProblem(api.me(target.accessToken()), 401, "UNAUTHORIZED");
    assertProblem(api.me(secondLogin.text("accessToken")), 401, "UNAUTHORIZED");
    assertProblem(api.me(keyToken), 401, "UNAUTHORIZED");
    assertProblem(api.refresh(target.refreshToken()), 401, "INVALID_REFRESH_TOKEN");
    assertProblem(api.refresh(secondLogin.text("refreshToken")), 401, "INVALID_REFRESH_TOKEN");
    assertProblem(api.exchange(key.text("key"), SECRET), 401, "INVALID_API_KEY");
    assertProblem(api.login(target.username(), AuthApi.PASSWORD), 401, "INVALID_CREDENTIALS");
    assertThat(
            api.get("/api/auth/users?q=" + target.username(), admin).json().path("total").asLong())
        .isZero();
    // every service sees the revocation through the deny-list
    assertThat(redis.hasKey(TokenDenyList.FAMILY_PREFIX + family(target.accessToken()))).isTrue();
    assertThat(redis.hasKey(TokenDenyList.FAMILY_PREFIX + "key:" + key.text("id"))).isTrue();
    assertProblem(api.delete("/api/auth/users/" + target.id(), admin), 404, "NOT_FOUND");
  }

  @Test
  void letsOnlyAdminsWithALoginDeleteUsers() {
    // given
    Account caller = api.newAccount();
    Account target = api.newAccount();
    String adminKey = api.createKey(admin, "admin key", null).text("key");
    String adminKeyToken = api.exchange(adminKey, SECRET).text("accessToken");

    // when
    Response byUser = api.delete("/api/auth/users/" + target.id(), caller.accessToken());
    Response bySelf = api.delete("/api/auth/users/" + caller.id(), caller.accessToken());
    Response byAdminKey = api.delete("/api/auth/users/" + target.id(), adminKeyToken);

    // then
    assertProblem(byUser, 403, "FORBIDDEN");
    assertProblem(bySelf, 403, "FORBIDDEN");
    assertProblem(byAdminKey, 403, "INSUFFICIENT_SCOPE");
    assertProblem(api.delete("/api/auth/users/" + target.id(), null), 401, "UNAUTHORIZED");
    assertThat(api.me(target.accessToken()).status()).isEqualTo(200);
    assertThat(api.me(caller.accessToken()).status()).isEqualTo(200);
  }

  @Test
  void answersNotFoundForAnUnknownUser() {
    assertProblem(api.delete("/api/auth/users/" + new ObjectId(), admin), 404, "NOT_FOUND");
    assertProblem(api.delete("/api/auth/users/not-an-id", admin), 404, "NOT_FOUND");
  }

  @Test
  void deletesAnAdminWhileAnotherAdminRemains() {
    // given a second admin
    Account other = api.newAccount();
    api.put("/api/auth/users/" + other.id() + "/role", "{\"role\":\"admin\"}", admin);
    String otherAdmin = api.login(other.username(), AuthApi.PASSWORD).text("accessToken");

    // when it deletes itself
    Response deleted = api.delete("/api/auth/users/" + other.id(), otherAdmin);

    // then
    assertThat(deleted.status()).isEqualTo(204);
    assertProblem(api.me(otherAdmin), 401, "UNAUTHORIZED");
  }

  @Test
  void refusesToDeleteTheLastAdmin() {
    // given the bootstrap admin is the only one (other tests may have left admins behind)
    String adminId = api.me(admin).text("id");
    users.search("", 0, 10_000).stream()
        .filter(user -> CurrentUser.ADMIN.equals(user.role()) && !user.id().equals(adminId))
        .forEach(
            other ->
                assertThat(
                        api.put(
                                "/api/auth/users/" + other.id() + "/role",
                                "{\"role\":\"user\"}",
                                admin)
                            .status())
                    .isEqualTo(200));
    assertThat(users.countByRole(CurrentUser.ADMIN)).isEqualTo(1);

    // when
    Response deleted = api.delete("/api/auth/users/" + adminId, admin);

    // then
    assertProblem(deleted, 409, "LAST_ADMIN");
    assertThat(api.me(admin).status()).isEqualTo(200);
  }

  private static String family(String accessToken) {
    try {
      return JWTParser.parse(accessToken).getJWTClaimsSet().getStringClaim("fam");
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
