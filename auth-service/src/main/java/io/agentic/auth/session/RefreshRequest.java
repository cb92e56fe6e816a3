package io.agentic.auth.session;

record RefreshRequest(String refreshToken) {

  @Override
  public String toString() {
    return "RefreshRequest[refreshToken=***]";
  }
}
