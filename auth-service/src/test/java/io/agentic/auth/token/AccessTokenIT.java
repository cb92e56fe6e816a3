package io.agentic.auth.token;

import static io.agentic.auth.AuthApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.agentic.auth.AuthApi;
import io.agentic.auth.AuthApi.Account;
import io.agentic.auth.AuthApi.Response;
import io.agentic.auth.AuthServiceIntegrationTest;
import io.agentic.auth.keys.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

@AuthServiceIntegrationTest
class AccessTokenIT {

  @LocalServerPort int port;

  @Autowired SigningKeys keys;

  AuthApi api;
  Account account;

  @BeforeEach
  void client() {
    api = new AuthApi(port);
    account = api.newAccount();
  }

  @Test
  void publishesJwksThatVerifiesIssuedTokens() throws Exception {
    // given
    Response jwks = api.get("/.well-known/jwks.json", null);
    assertThat(jwks.status()).isEqualTo(200);
    assertThat(jwks.contentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    JWKSet set = JWKSet.parse(jwks.raw());

    // when
    SignedJWT token = SignedJWT.parse(account.accessToken());
    ECKey key = set.getKeyByKeyId(token.getHeader().getKeyID()).toECKey();

    // then
    assertThat(jwks.raw()).doesNotContain("\"d\"");
    assertThat(set.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
    assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(token.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
    assertThat(token.verify(new ECDSAVerifier(key))).isTrue();
    JWTClaimsSet claims = token.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("agentic");
    assertThat(claims.getAudience()).containsExactly("agentic-api");
    assertThat(token.getPayload().toJSONObject().get("aud")).isEqualTo(List.of("agentic-api"));
    assertThat(claims.getSubject()).isEqualTo(account.id());
    assertThat(claims.getStringClaim("username")).isEqualTo(account.username());
    assertThat(claims.getStringClaim("role")).isEqualTo("user");
    assertThat(claims.getStringClaim("fam")).isNotBlank();
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
        .isEqualTo(15 * 60 * 1000L);
  }

  @Test
  void rejectsTamperedSignature() {
    String[] parts = account.accessToken().split("\\.");
    char last = parts[2].charAt(10);
    parts[2] = parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11);

    assertProblem(api.me(String.join(".", parts)), 401, "UNAUTHORIZED");
  }

  @Test
  void rejectsTamperedPayload() throws Exception {
    String[] parts = account.accessToken().split("\\.");
    Map<String, Object> claims = SignedJWT.parse(account.accessToken()).getPayload().toJSONObject();
    claims.put("role", "admin");
    parts[1] = base64(AuthApi.json(claims));

    assertProblem(api.me(String.join(".", parts)), 401, "UNAUTHORIZED");
  }

  @Test
  void rejectsUnsignedToken() throws Exception {
    Map<String, Object> claims = SignedJWT.parse(account.accessToken()).getPayload().toJSONObject();
    String none = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(AuthApi.json(claims));

    assertProblem(api.me(none + "."), 401, "UNAUTHORIZED");
    assertProblem(api.me(none + "." + account.accessToken().split("\\.")[2]), 401, "UNAUTHORIZED");
  }

  @Test
  void rejectsAllZeroSignature() {
    String[] parts = account.accessToken().split("\\.");
    parts[2] = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);

    assertProblem(api.me(String.join(".", parts)), 401, "UNAUTHORIZED");
  }

  @Test
  void rejectsHmacTokenKeyedWithThePublicKey() throws Exception {
    byte[] secret =
        keys.publicJwkSet().toString().getBytes(StandardCharsets.UTF_8); // ≥ 256 bits, public
    JWSObject hmac =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.signingKey().getKeyID()).build(),
            new Payload(validClaims().build().toJSONObject()));
    hmac.sign(new MACSigner(secret));

    assertProblem(api.me(hmac.serialize()), 401, "UNAUTHORIZED");
  }

  @Test
  void acceptsTokenSignedWithOwnKeyAsBaseline() {
    assertThat(api.me(sign(keys.signingKey(), validClaims())).status()).isEqualTo(200);
  }

  @Test
  void rejectsExpiredToken() {
    Instant past = Instant.now().minusSeconds(20 * 60);
    JWTClaimsSet.Builder claims =
        validClaims()
            .issueTime(Date.from(past))
            .expirationTime(Date.from(past.plusSeconds(15 * 60)));

    assertProblem(api.me(sign(keys.signingKey(), claims)), 401, "UNAUTHORIZED");
  }

  @Test
  void rejectsWrongAudienceOrIssuer() {
    assertProblem(
        api.me(sign(keys.signingKey(), validClaims().audience(List.of("other-api")))),
        401,
        "UNAUTHORIZED");
    assertProblem(
        api.me(sign(keys.signingKey(), validClaims().issuer("someone-else"))), 401, "UNAUTHORIZED");
  }

  @Test
  void rejectsTokenFromUnknownKey() {
    ECKey stranger = SigningKeys.newKey();
    ECKey sameKidOtherKey =
        new ECKey.Builder(SigningKeys.newKey()).keyID(keys.signingKey().getKeyID()).build();

    assertProblem(api.me(sign(stranger, validClaims())), 401, "UNAUTHORIZED");
    assertProblem(api.me(sign(sameKidOtherKey, validClaims())), 401, "UNAUTHORIZED");
  }

  private JWTClaimsSet.Builder validClaims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer("agentic")
        .audience(List.of("agentic-api"))
        .subject(account.id())
        .claim("username", account.username())
        .claim("role", "user")
        .claim("fam", UUID.randomUUID().toString())
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)));
  }

  private static String sign(ECKey key, JWTClaimsSet.Builder claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
              claims.build());
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
