package io.agentic.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetricsRangeTest {

  private static final Instant NOW = Instant.parse("2025-06-02T10:30:15Z");

  @Test
  void defaultsToTheLastHourFromItsFirstWholeMinute() {
    MetricsRange range = MetricsRange.parse(null, null, NOW);

    assertThat(range.from()).isEqualTo(Instant.parse("2025-06-02T09:30:00Z"));
    assertThat(range.to()).isEqualTo(NOW);
  }

  @Test
  void acceptsExactlyADay() {
    MetricsRange range = MetricsRange.parse("2025-06-01T10:30:15Z", NOW.toString(), NOW);

    assertThat(range.from()).isEqualTo(Instant.parse("2025-06-01T10:30:00Z"));
  }

  @Test
  void rejectsMoreThanADay() {
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () -> MetricsRange.parse("2025-06-01T10:30:14Z", NOW.toString(), NOW));

    assertThat(e.code()).isEqualTo("INVALID_RANGE");
    assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("to");
  }

  @Test
  void rejectsAnEmptyOrBackwardRange() {
    ApiException e =
        catchThrowableOfType(
            ApiException.class, () -> MetricsRange.parse(NOW.toString(), NOW.toString(), NOW));

    assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("from");
  }

  @Test
  void namesEveryUnreadableInstant() {
    ApiException e =
        catchThrowableOfType(ApiException.class, () -> MetricsRange.parse("soon", "later", NOW));

    assertThat(e.errors()).extracting(FieldProblem::field).containsExactlyInAnyOrder("from", "to");
  }
}
