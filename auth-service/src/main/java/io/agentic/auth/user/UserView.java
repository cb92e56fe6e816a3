package io.agentic.auth.user;

import java.time.Instant;

/** A user as clients see it: never the password hash. */
public record UserView(String id, String username, String email, String role, Instant createdAt) {

  public static UserView of(User user) {
    return new UserView(user.id(), user.username(), user.email(), user.role(), user.createdAt());
  }
}
