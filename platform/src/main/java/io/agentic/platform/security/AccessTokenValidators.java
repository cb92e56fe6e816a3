package io.agentic.platform.security;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** The checks every access token passes, in every service: expiry, issuer and audience. */
public final class AccessTokenValidators {

  private AccessTokenValidators() {}

  public static OAuth2TokenValidator<Jwt> of(AgenticSecurityProperties properties) {
    OAuth2TokenValidator<Jwt> audience =
        new JwtClaimValidator<List<String>>(
            "aud", aud -> aud != null && aud.contains(properties.audience()));
    return new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(properties.issuer()), audience);
  }
}
