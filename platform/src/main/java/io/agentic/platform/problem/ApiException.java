package io.agentic.platform.problem;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Thrown anywhere in a request to answer with an RFC 9457 problem carrying a stable {@code code}.
 * The message is shown to the client, so it must never hold internals.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final List<FieldProblem> errors;
  private final HttpHeaders headers;

  public ApiException(HttpStatus status, String code, String detail) {
    this(status, code, detail, List.of(), HttpHeaders.EMPTY);
  }

  public ApiException(
      HttpStatus status,
      String code,
      String detail,
      List<FieldProblem> errors,
      HttpHeaders headers) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.errors = List.copyOf(errors);
    this.headers = headers;
  }

  public static ApiException badRequest(String code, String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
  }

  public static ApiException invalid(String code, String detail, List<FieldProblem> errors) {
    return new ApiException(HttpStatus.BAD_REQUEST, code, detail, errors, HttpHeaders.EMPTY);
  }

  /** 404 for what is absent and for what the caller may not see alike. */
  public static ApiException notFound(String what) {
    return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " was not found");
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", detail);
  }

  public static ApiException conflict(String code, String detail) {
    return new ApiException(HttpStatus.CONFLICT, code, detail);
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", detail);
  }

  public static ApiException tooManyRequests(String code, String detail, long retryAfterSeconds) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds)));
    return new ApiException(HttpStatus.TOO_MANY_REQUESTS, code, detail, List.of(), headers);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<FieldProblem> errors() {
    return errors;
  }

  public HttpHeaders headers() {
    return headers;
  }
}
