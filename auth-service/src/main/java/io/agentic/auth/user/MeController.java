package io.agentic.auth.user;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

  private final Users users;

  MeController(Users users) {
    this.users = users;
  }

  /** The caller's account; 401 once it no longer exists, as its token speaks for nobody. */
  @GetMapping("/api/auth/me")
  UserView me(CurrentUser caller) {
    return users
        .findById(caller.id())
        .map(UserView::of)
        .orElseThrow(() -> ApiException.unauthorized("The account no longer exists"));
  }
}
