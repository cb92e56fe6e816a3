package io.agentic.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import io.agentic.auth.AuthProperties;
import io.agentic.auth.keys.SigningKeys;
import io.agentic.platform.security.AgenticSecurityProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Signs access tokens: ES256 with the newest signing key, {@code kid} in the header. The header's
 * {@code typ} is {@code JWT} because the platform's verifiers accept only that (or none).
 */
@Component
public class AccessTokens {

  private final SigningKeys keys;
  private final AuthProperties properties;
  private final AgenticSecurityProperties security;

  AccessTokens(SigningKeys keys, AuthProperties properties, AgenticSecurityProperties security) {
    this.keys = keys;
    this.properties = properties;
    this.security = security;
  }

  /** A token for a login: it may do whatever {@code role} allows. */
  public IssuedAccessToken issue(String userId, String username, String role, String familyId) {
    return issue(userId, username, role, familyId, null, properties.accessTokenTtl());
  }

  /**
   * A short-lived token exchanged for an API key: family {@code key:<keyId>} (deleting the key
   * denies it) and the key's scopes in {@code scope}, space-separated. {@code scopes} must not be
   * empty: a token without scopes may do whatever the role allows.
   */
  public IssuedAccessToken issueForApiKey(
      String userId, String username, String role, String keyId, Collection<String> scopes) {
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("An API key's token needs at least one scope");
    }
    return issue(
        userId,
        username,
        role,
        AccessTokenClaims.apiKeyFamily(keyId),
        String.join(" ", scopes),
        properties.apiKeyTokenTtl());
  }

  private IssuedAccessToken issue(
      String userId, String username, String role, String familyId, String scope, Duration ttl) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = now.plus(ttl);
    String id = UUID.randomUUID().toString();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(security.issuer())
            .audience(List.of(security.audience()))
            .subject(userId)
            .claim(AccessTokenClaims.USERNAME, username)
            .claim(AccessTokenClaims.ROLE, role)
            .claim(AccessTokenClaims.FAMILY, familyId)
            .jwtID(id)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expiresAt));
    if (scope != null) {
      claims.claim(AccessTokenClaims.SCOPE, scope);
    }
    return new IssuedAccessToken(sign(claims.build()), id, expiresAt, ttl.toSeconds());
  }

  private String sign(JWTClaimsSet claims) {
    ECKey key = keys.signingKey();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.ES256)
            .keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
    Map<String, Object> payload = new LinkedHashMap<>(claims.toJSONObject());
    // Nimbus writes a single audience as a string; the contract says an array.
    payload.put(JWTClaimNames.AUDIENCE, claims.getAudience());
    JWSObject jws = new JWSObject(header, new Payload(payload));
    try {
      jws.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign an access token", e);
    }
    return jws.serialize();
  }
}
