package io.agentic.auth.apikey;

/**
 * An access token for the key's owner, carrying the key's scopes.
 *
 * @param expiresIn seconds until {@code accessToken} expires
 */
record ExchangedToken(String accessToken, long expiresIn) {

  @Override
  public String toString() {
    return "ExchangedToken[accessToken=***, expiresIn=" + expiresIn + "]";
  }
}
