package io.agentic.analytics.dashboard;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The range {@code GET /metrics} covers: ISO-8601 instants, {@code to} defaulting to now and {@code
 * from} to an hour before {@code to}; at most {@value #MAX_HOURS} hours (what the minute windows
 * keep).
 */
record MetricsRange(Instant from, Instant to) {

  static final int MAX_HOURS = 24;
  static final Duration DEFAULT = Duration.ofMinutes(60);
  static final Duration MAX = Duration.ofHours(MAX_HOURS);

  static MetricsRange parse(String from, String to, Instant now) {
    List<FieldProblem> errors = new ArrayList<>();
    Instant end = to == null || to.isBlank() ? now : instant("to", to, errors);
    Instant start =
        from == null || from.isBlank()
            ? (end == null ? null : end.minus(DEFAULT))
            : instant("from", from, errors);
    if (errors.isEmpty()) {
      if (!start.isBefore(end)) {
        errors.add(new FieldProblem("from", "must be before to"));
      } else if (Duration.between(start, end).compareTo(MAX) > 0) {
        errors.add(new FieldProblem("to", "the range may span at most " + MAX_HOURS + " hours"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("INVALID_RANGE", "The time range is invalid", errors);
    }
    return new MetricsRange(start.truncatedTo(ChronoUnit.MINUTES), end);
  }

  private static Instant instant(String field, String value, List<FieldProblem> errors) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldProblem(field, "must be an ISO-8601 instant, e.g. 2025-01-31T12:00:00Z"));
      return null;
    }
  }
}
