package io.agentic.platform.security;

import io.agentic.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rejects a verified token that auth-service has since revoked, so logout and revocation take
 * effect at once on every service. While Redis cannot answer, reads go on (and are logged) but
 * writes are refused with 503 and {@code Retry-After}: a revoked token may then still read for a
 * moment, never change anything.
 */
final class DenyListFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DenyListFilter.class);
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final TokenDenyList denyList;
  private final JsonMapper json;

  DenyListFilter(TokenDenyList denyList, JsonMapper json) {
    this.denyList = denyList;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof JwtAuthenticationToken token) {
      boolean denied;
      try {
        denied =
            denyList.isDenied(token.getToken().getId(), token.getToken().getClaimAsString("fam"));
      } catch (RuntimeException e) {
        if (!SAFE_METHODS.contains(request.getMethod())) {
          log.warn("Token revocation status unavailable; refusing a write: {}", e.toString());
          write(
              response,
              Problems.of(
                  HttpStatus.SERVICE_UNAVAILABLE,
                  "SERVICE_UNAVAILABLE",
                  "Token revocation status is unavailable; try again shortly"),
              "5");
          return;
        }
        log.warn("Token revocation status unavailable; allowing a read: {}", e.toString());
        denied = false;
      }
      if (denied) {
        SecurityContextHolder.clearContext();
        write(
            response,
            Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "The token has been revoked"),
            null);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private void write(HttpServletResponse response, ProblemDetail problem, String retryAfter)
      throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    if (retryAfter != null) {
      response.setHeader("Retry-After", retryAfter);
    }
    if (problem.getStatus() == 401) {
      response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
    json.writeValue(response.getOutputStream(), problem);
  }
}
