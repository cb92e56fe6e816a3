package io.agentic.platform.security;

import io.agentic.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/** Refuses, with 403, a request an API key's scopes do not cover (see {@link ApiScopes}). */
final class ScopeFilter extends OncePerRequestFilter {

  private final JsonMapper json;

  ScopeFilter(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof JwtAuthenticationToken token) {
      CurrentUser user = CurrentUser.of(token.getToken());
      if (!ApiScopes.permits(user.scopes(), request.getMethod(), request.getRequestURI())) {
        String needed = ApiScopes.required(request.getMethod(), request.getRequestURI()).orElse("");
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(
            response.getOutputStream(),
            Problems.of(
                HttpStatus.FORBIDDEN,
                "INSUFFICIENT_SCOPE",
                ApiScopes.LOGIN_ONLY.equals(needed)
                    ? "This needs a login, not an API key"
                    : "This API key lacks the scope " + needed));
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
