package io.agentic.gateway.problem;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.Problems;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Turns whatever went wrong at the edge into a problem with a stable code. The detail is always a
 * fixed sentence: exception messages name hosts, ports and classes, and never reach a client.
 */
final class GatewayFailures {

  private GatewayFailures() {}

  /** A problem plus the headers that go with it ({@code Allow}, {@code Retry-After}). */
  record Failure(ProblemDetail problem, HttpHeaders headers, boolean unexpected) {

    static Failure of(HttpStatusCode status, String code, String detail) {
      return new Failure(Problems.of(status, code, detail), HttpHeaders.EMPTY, false);
    }
  }

  static Failure classify(Throwable failure) {
    // A cause deeper down can be more telling than its wrapper (a size limit inside a 400).
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Failure known = known(t);
      if (known != null) {
        return known;
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ResponseStatusException e) {
        return fromStatus(e);
      }
    }
    return new Failure(
        Problems.of(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "INTERNAL",
            "The gateway could not handle the request"),
        HttpHeaders.EMPTY,
        true);
  }

  private static Failure known(Throwable t) {
    return switch (t) {
      case ApiException e -> new Failure(Problems.of(e), e.headers(), false);
      case DataBufferLimitException e -> payloadTooLarge();
      case ServerExchangeRejectedException e ->
          Failure.of(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", "The request was rejected");
      case AuthenticationServiceException e ->
          Failure.of(
              HttpStatus.SERVICE_UNAVAILABLE,
              "SERVICE_UNAVAILABLE",
              "Access tokens cannot be verified right now; try again shortly");
      case AuthenticationException e ->
          Failure.of(
              HttpStatus.UNAUTHORIZED,
              "UNAUTHORIZED",
              "A valid access token or API key is required");
      case AccessDeniedException e ->
          Failure.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "You are not allowed to do this");
      case ConnectException e -> serviceUnavailable();
      case UnknownHostException e -> serviceUnavailable();
      case TimeoutException e -> gatewayTimeout();
      case io.netty.handler.timeout.TimeoutException e -> gatewayTimeout();
      case reactor.netty.http.client.PrematureCloseException e -> badGateway();
      case ClosedChannelException e -> badGateway();
      default -> null;
    };
  }

  private static Failure fromStatus(ResponseStatusException e) {
    HttpStatusCode status = e.getStatusCode();
    return switch (status.value()) {
      case 404 -> Failure.of(status, "NOT_FOUND", "Nothing is served at this path");
      case 405 -> {
        HttpHeaders headers = new HttpHeaders();
        if (e instanceof MethodNotAllowedException notAllowed) {
          headers.setAllow(notAllowed.getSupportedMethods());
        }
        yield new Failure(
            Problems.of(status, "METHOD_NOT_ALLOWED", "This method is not allowed here"),
            headers,
            false);
      }
      case 413 -> payloadTooLarge();
      case 502 -> badGateway();
      case 503 -> serviceUnavailable();
      case 504 -> gatewayTimeout();
      default ->
          Failure.of(
              status,
              Problems.codeFor(status),
              status instanceof HttpStatus known ? known.getReasonPhrase() : "Request failed");
    };
  }

  static Failure payloadTooLarge() {
    return Failure.of(
        HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The request body is too large");
  }

  private static Failure serviceUnavailable() {
    return Failure.of(
        HttpStatus.SERVICE_UNAVAILABLE,
        "SERVICE_UNAVAILABLE",
        "The service for this path is unavailable; try again shortly");
  }

  private static Failure gatewayTimeout() {
    return Failure.of(
        HttpStatus.GATEWAY_TIMEOUT, "GATEWAY_TIMEOUT", "The service did not answer in time");
  }

  private static Failure badGateway() {
    return Failure.of(
        HttpStatus.BAD_GATEWAY, "BAD_GATEWAY", "The service closed the connection unexpectedly");
  }
}
