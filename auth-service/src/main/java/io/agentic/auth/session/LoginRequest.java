package io.agentic.auth.session;

/** {@code login} is an email (when it has an {@code @}) or a username. Both must be strings. */
record LoginRequest(String login, String password) {

  @Override
  public String toString() {
    return "LoginRequest[login=" + login + ", password=***]";
  }
}
