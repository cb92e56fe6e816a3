package io.agentic.auth.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A sign-up. A {@code role} field is accepted and ignored: new accounts are always {@code user}.
 */
@JsonIgnoreProperties({"role"})
record RegisterRequest(String username, String email, String password) {

  @Override
  public String toString() {
    return "RegisterRequest[username=" + username + ", email=" + email + ", password=***]";
  }
}
