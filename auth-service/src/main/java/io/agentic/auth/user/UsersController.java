package io.agentic.auth.user;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import io.agentic.platform.security.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finding users: admins search them all, everyone else finds one to share with. */
@RestController
@RequestMapping("/api/auth/users")
class UsersController {

  private static final int MAX_PAGE_SIZE = 100;
  private static final int MAX_QUERY = RegistrationRules.MAX_EMAIL;

  private final Users users;

  UsersController(Users users) {
    this.users = users;
  }

  /**
   * Admins: a page of the users whose username or email contains {@code q}. Everyone else: the one
   * user whose username or email is exactly {@code q}, as {@code [{id, username}]}, so that nobody
   * can list the accounts.
   */
  @GetMapping
  Object search(
      CurrentUser caller,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (q.length() > MAX_QUERY) {
      throw invalid("q", "must be at most " + MAX_QUERY + " characters");
    }
    if (page < 0) {
      throw invalid("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    if (caller.isAdmin()) {
      List<UserView> items = users.search(q, page, size).stream().map(UserView::of).toList();
      return new UserPage(items, page, size, users.countMatching(q));
    }
    if (q.isBlank()) {
      return List.of();
    }
    return users.findExactly(q.trim()).map(u -> new UserSummary(u.id(), u.username())).stream()
        .toList();
  }

  private static ApiException invalid(String field, String message) {
    return ApiException.invalid(
        "VALIDATION_FAILED", "The request is invalid", List.of(new FieldProblem(field, message)));
  }
}
