package io.agentic.auth.admin;

import io.agentic.auth.AuthProperties;
import io.agentic.auth.password.PasswordHasher;
import io.agentic.auth.user.RegistrationRules;
import io.agentic.auth.user.User;
import io.agentic.auth.user.Users;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.CurrentUser;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the operator's admin account ({@code AGENTIC_ADMIN_EMAIL} / {@code
 * AGENTIC_ADMIN_PASSWORD}) at start-up when no account has that email. An existing account is left
 * as it is: the variables never reset a password or a role.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final AuthProperties properties;
  private final Users users;
  private final PasswordHasher passwords;

  AdminBootstrap(AuthProperties properties, Users users, PasswordHasher passwords) {
    this.properties = properties;
    this.users = users;
    this.passwords = passwords;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (properties.adminEmail().isBlank() != properties.adminPassword().isBlank()) {
      log.warn("Set both agentic.auth.admin-email and agentic.auth.admin-password, or neither");
    }
    if (properties.hasAdmin()) {
      ensureAdmin(properties.adminEmail().trim(), properties.adminPassword());
    }
  }

  /** The admin account for {@code email}, created when absent. */
  Optional<User> ensureAdmin(String email, String password) {
    if (!RegistrationRules.isEmail(email)) {
      log.error("agentic.auth.admin-email is not a valid email address; no admin account created");
      return Optional.empty();
    }
    if (users.emailTaken(email)) {
      log.info("Admin account {} already exists", email);
      return Optional.empty();
    }
    if (!RegistrationRules.check("admin", email, password).isEmpty()) {
      log.warn("The admin password breaks the password rules new users must follow");
    }
    String hash = passwords.hash(password);
    for (int attempt = 0; attempt < 5; attempt++) {
      String username = AdminUsername.freeFor(email, users::usernameTaken);
      try {
        User admin = users.create(username, email, hash, CurrentUser.ADMIN);
        log.info("Created admin account {} ({})", admin.username(), email);
        return Optional.of(admin);
      } catch (ApiException e) {
        if (users.emailTaken(email)) {
          return Optional.empty(); // another instance created it meanwhile
        }
      }
    }
    log.error("Could not find a free username for the admin account {}", email);
    return Optional.empty();
  }
}
