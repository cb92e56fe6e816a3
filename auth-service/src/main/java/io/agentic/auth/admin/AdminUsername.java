package io.agentic.auth.admin;

import io.agentic.auth.user.RegistrationRules;
import java.util.function.Predicate;

/**
 * A valid, free username made from an email's local part: {@code Jane.Doe+x@…} → {@code Jane.Doex}.
 */
final class AdminUsername {

  private static final int MAX = 32;

  private AdminUsername() {}

  static String freeFor(String email, Predicate<String> taken) {
    String base = baseOf(email);
    if (!taken.test(base)) {
      return base;
    }
    for (int n = 2; ; n++) {
      String suffix = "-" + n;
      String candidate = base.substring(0, Math.min(base.length(), MAX - suffix.length())) + suffix;
      if (!taken.test(candidate)) {
        return candidate;
      }
    }
  }

  static String baseOf(String email) {
    int at = email.indexOf('@');
    String local = (at < 0 ? email : email.substring(0, at)).replaceAll("[^A-Za-z0-9_.-]", "");
    if (local.length() > MAX) {
      local = local.substring(0, MAX);
    }
    while (local.length() < 3) {
      local = local + "_";
    }
    if (!RegistrationRules.isUsername(local)) {
      return "admin";
    }
    return local;
  }
}
