package io.agentic.auth.session;

/**
 * @param refreshToken the login's refresh token; optional, the access token names its login
 */
record LogoutRequest(String refreshToken) {

  @Override
  public String toString() {
    return "LogoutRequest[refreshToken=***]";
  }
}
