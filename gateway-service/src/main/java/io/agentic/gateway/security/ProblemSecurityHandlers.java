package io.agentic.gateway.security;

import io.agentic.gateway.problem.ProblemResponses;
import io.agentic.platform.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import reactor.core.publisher.Mono;

/** 401, 403 and refused requests from the security chain, as problems like every other error. */
final class ProblemSecurityHandlers {

  private final ProblemResponses problems;

  ProblemSecurityHandlers(ProblemResponses problems) {
    this.problems = problems;
  }

  ServerAuthenticationEntryPoint entryPoint() {
    return (exchange, e) -> {
      HttpHeaders headers = new HttpHeaders();
      headers.set(
          HttpHeaders.WWW_AUTHENTICATE,
          e instanceof InvalidBearerTokenException ? "Bearer error=\"invalid_token\"" : "Bearer");
      return problems.write(
          exchange,
          Problems.of(
              HttpStatus.UNAUTHORIZED,
              "UNAUTHORIZED",
              "A valid access token or API key is required"),
          headers);
    };
  }

  /**
   * A token that could not be checked (JWKS unreachable) is not the caller's fault: it goes on to
   * the error handler as a 503 rather than a 401 that would make clients throw their tokens away.
   */
  ServerAuthenticationFailureHandler failureHandler() {
    ServerAuthenticationEntryPoint entryPoint = entryPoint();
    return (webFilterExchange, e) ->
        e instanceof AuthenticationServiceException
            ? Mono.error(e)
            : entryPoint.commence(webFilterExchange.getExchange(), e);
  }

  ServerAccessDeniedHandler deniedHandler() {
    return (exchange, e) ->
        problems.write(
            exchange,
            Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "You are not allowed to do this"));
  }

  /** Requests the firewall refuses: {@code ;}, {@code ..}, encoded slashes, odd methods. */
  ServerExchangeRejectedHandler rejectedHandler() {
    return (exchange, e) ->
        problems.write(
            exchange,
            Problems.of(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", "The request was rejected"));
  }
}
