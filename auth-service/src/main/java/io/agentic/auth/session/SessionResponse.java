package io.agentic.auth.session;

import io.agentic.auth.user.UserView;

/**
 * What register, login and refresh answer.
 *
 * @param expiresIn seconds until {@code accessToken} expires
 */
record SessionResponse(UserView user, String accessToken, String refreshToken, long expiresIn) {

  @Override
  public String toString() {
    return "SessionResponse[user=" + user + ", accessToken=***, refreshToken=***]";
  }
}
