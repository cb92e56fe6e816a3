package io.agentic.auth.apikey;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import io.agentic.platform.security.CurrentUser;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own API keys. Managing keys needs a login: a key cannot mint or delete keys. */
@RestController
@RequestMapping("/api/auth/api-keys")
class ApiKeysController {

  private static final int MAX_PAGE_SIZE = 100;

  private final ApiKeys keys;

  ApiKeysController(ApiKeys keys) {
    this.keys = keys;
  }

  @PostMapping
  ResponseEntity<CreatedApiKey> create(
      CurrentUser caller, @RequestBody CreateApiKeyRequest request) {
    requireLogin(caller);
    return ResponseEntity.status(HttpStatus.CREATED)
        .cacheControl(CacheControl.noStore())
        .body(keys.create(caller, request));
  }

  @GetMapping
  ApiKeyPage list(
      CurrentUser caller,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    requireLogin(caller);
    if (page < 0) {
      throw invalid("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    return keys.list(caller.id(), page, size);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(CurrentUser caller, @PathVariable String id) {
    requireLogin(caller);
    keys.delete(caller.id(), id);
    return ResponseEntity.noContent().build();
  }

  /** Tokens exchanged for a key carry scopes; a login's carry none. */
  static void requireLogin(CurrentUser caller) {
    if (!caller.scopes().isEmpty()) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, "INSUFFICIENT_SCOPE", "This needs a login, not an API key");
    }
  }

  private static ApiException invalid(String field, String message) {
    return ApiException.invalid(
        "VALIDATION_FAILED", "The request is invalid", List.of(new FieldProblem(field, message)));
  }
}
