package io.agentic.platform.security;

import io.agentic.platform.problem.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 from the security filters, as problems like every other error. */
final class ProblemSecurityHandlers {

  private final JsonMapper json;

  ProblemSecurityHandlers(JsonMapper json) {
    this.json = json;
  }

  AuthenticationEntryPoint entryPoint() {
    return (request, response, e) -> write(response, unauthorized(e));
  }

  AccessDeniedHandler deniedHandler() {
    return (request, response, e) -> write(response, forbidden(e));
  }

  private static ProblemDetail unauthorized(AuthenticationException e) {
    return Problems.of(
        HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "A valid access token or API key is required");
  }

  private static ProblemDetail forbidden(AccessDeniedException e) {
    return Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "You are not allowed to do this");
  }

  private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    if (problem.getStatus() == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    json.writeValue(response.getOutputStream(), problem);
  }
}
