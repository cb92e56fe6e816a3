package io.agentic.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds every problem the suite answers with, so they all read alike. */
public final class Problems {

  /**
   * Problem types are URIs derived from the code: {@code SSRF_BLOCKED} → {@code …/ssrf-blocked}.
   */
  public static final String TYPE_BASE = "https://agentic.dev/problems/";

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
    return of(status, code, detail, List.of());
  }

  public static ProblemDetail of(
      HttpStatusCode status, String code, String detail, List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(typeOf(code));
    problem.setProperty("code", code);
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }

  public static ProblemDetail of(ApiException e) {
    return of(e.status(), e.code(), e.getMessage(), e.errors());
  }

  public static URI typeOf(String code) {
    return URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  /** The code for a status the framework raised on its own. */
  public static String codeFor(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 409 -> "CONFLICT";
      case 412 -> "PRECONDITION_FAILED";
      case 413 -> "PAYLOAD_TOO_LARGE";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 422 -> "UNPROCESSABLE";
      case 428 -> "PRECONDITION_REQUIRED";
      case 429 -> "RATE_LIMITED";
      case 502 -> "BAD_GATEWAY";
      case 503 -> "SERVICE_UNAVAILABLE";
      case 504 -> "GATEWAY_TIMEOUT";
      default -> status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL";
    };
  }
}
