package io.agentic.auth.user;

import java.time.Instant;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored account. Never leaves the service as is: clients see {@link UserView}.
 *
 * @param usernameLower the lower-cased username, unique: names differing only in case collide
 * @param emailLower the lower-cased email, unique
 * @param role {@code admin}, {@code user} or {@code viewer}
 */
@Document(User.COLLECTION)
public record User(
    @Id String id,
    String username,
    String usernameLower,
    String email,
    String emailLower,
    String passwordHash,
    String role,
    Instant createdAt) {

  static final String COLLECTION = "users";
  static final String USERNAME_LOWER = "usernameLower";
  static final String EMAIL_LOWER = "emailLower";
  static final String ROLE = "role";

  static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
