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

  /**
   * Only on tokens exchanged for an API key: the key's scopes, space-separated. A token without it
   * is a login's and may do whatever its role allows.
   */
  public static final String SCOPE = "scope";

  /** The family prefix of tokens exchanged for an API key: {@code key:<keyId>}. */
  public static final String API_KEY_FAMILY_PREFIX = "key:";

  private AccessTokenClaims() {}

  /** The family every token exchanged for API key {@code keyId} carries. */
  public static String apiKeyFamily(String keyId) {
    return API_KEY_FAMILY_PREFIX + keyId;
  }
}
