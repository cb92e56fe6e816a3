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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

  public IssuedAccessToken issue(String userId, String username, String role, String familyId) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = now.plus(properties.accessTokenTtl());
    String id = UUID.randomUUID().toString();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(security.issuer())
            .audience(List.of(security.audience()))
            .subject(userId)
            .claim(AccessTokenClaims.USERNAME, username)
            .claim(AccessTokenClaims.ROLE, role)
            .claim(AccessTokenClaims.FAMILY, familyId)
            .jwtID(id)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expiresAt))
            .build();
    return new IssuedAccessToken(
        sign(claims), id, expiresAt, properties.accessTokenTtl().toSeconds());
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
