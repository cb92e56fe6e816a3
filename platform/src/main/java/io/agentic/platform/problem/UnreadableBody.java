package io.agentic.platform.problem;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Describes a body that could not be read without echoing parser internals (class names, source
 * excerpts): which field, and what was wrong with it.
 */
final class UnreadableBody {

  private UnreadableBody() {}

  static ProblemDetail describe(Throwable e) {
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof JacksonException)) {
      cause = cause.getCause();
    }
    if (!(cause instanceof JacksonException json)) {
      return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "The request body is missing");
    }
    if (json instanceof StreamConstraintsException) {
      return Problems.of(
          HttpStatus.BAD_REQUEST,
          "MALFORMED_JSON",
          "The request body is nested too deeply or holds a value that is too large");
    }
    String field = pathOf(json);
    String message =
        switch (json) {
          case UnrecognizedPropertyException u -> "is not a known field";
          case InvalidFormatException f -> "has a value of the wrong format";
          case MismatchedInputException m -> "has a value of the wrong type";
          default -> null;
        };
    if (message == null || field.isEmpty()) {
      return Problems.of(
          HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "The request body is not valid JSON");
    }
    return Problems.of(
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED",
        "Field '" + field + "' " + message,
        List.of(new FieldProblem(field, message)));
  }

  private static String pathOf(JacksonException e) {
    return e.getPath().stream()
        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "" + ref.getIndex())
        .collect(Collectors.joining("."));
  }
}
