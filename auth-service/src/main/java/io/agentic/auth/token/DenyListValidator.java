package io.agentic.auth.token;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Rejects tokens on the {@link TokenDenyList}. When Redis cannot answer, the token is rejected: a
 * revoked token must never pass because a check could not be made.
 */
class DenyListValidator implements OAuth2TokenValidator<Jwt> {

  private static final Logger log = LoggerFactory.getLogger(DenyListValidator.class);

  private static final OAuth2Error REVOKED =
      new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token has been revoked", null);
  private static final OAuth2Error UNCHECKED =
      new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token could not be checked", null);

  private final TokenDenyList denyList;

  DenyListValidator(TokenDenyList denyList) {
    this.denyList = denyList;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    if (token.getId() == null) {
      return OAuth2TokenValidatorResult.failure(REVOKED);
    }
    try {
      boolean denied =
          denyList.isDenied(token.getId(), token.getClaimAsString(AccessTokenClaims.FAMILY));
      return denied
          ? OAuth2TokenValidatorResult.failure(REVOKED)
          : OAuth2TokenValidatorResult.success();
    } catch (RuntimeException e) {
      log.warn("Cannot read the token deny-list; rejecting the token: {}", e.toString());
      return OAuth2TokenValidatorResult.failure(UNCHECKED);
    }
  }
}
