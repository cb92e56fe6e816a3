package io.agentic.airouter.openai;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.Problems;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The door's errors: the suite's problem+json, with OpenAI's {@code error: {message, type, param,
 * code}} member added so that OpenAI SDKs show a readable message. Runs before the platform's
 * handler, for this door only.
 */
@RestControllerAdvice(assignableTypes = ChatCompletionsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenAiErrors {

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> handle(ApiException e) {
    ProblemDetail problem = Problems.of(e);
    problem.setProperty(
        "error",
        error(
            e.getMessage(),
            type(e.status()),
            e.errors().isEmpty() ? null : e.errors().getFirst().field(),
            e.code()));
    // preset, so that a client accepting only text/event-stream still gets the problem
    return ResponseEntity.status(e.status())
        .headers(e.headers())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** OpenAI's error object; {@code code} is the problem's. */
  static Map<String, Object> error(String message, String type, String param, String code) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("type", type);
    error.put("param", param);
    error.put("code", code);
    return error;
  }

  /** OpenAI's error types, by status. */
  static String type(HttpStatusCode status) {
    return switch (status.value()) {
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 429 -> "rate_limit_error";
      default -> status.is5xxServerError() ? "server_error" : "invalid_request_error";
    };
  }
}
