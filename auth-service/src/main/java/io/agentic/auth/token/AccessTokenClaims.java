package io.agentic.auth.token;

/**
 * The claims of an access token beyond the registered ones ({@code iss}, {@code aud}, {@code sub},
 * {@code jti}, {@code iat}, {@code exp}).
 */
public final class AccessTokenClaims {

  public static final String USERNAME = "username";

  /** {@code admin}, {@code user} or {@code viewer}. */
  public static final String ROLE = "role";

  /**
   * The refresh-token family (one login) the token was issued for: revoking the family, on logout
   * or when a spent refresh token is presented again, denies every access token it produced.
   */
  public static final String FAMILY = "fam";

  private AccessTokenClaims() {}
}
