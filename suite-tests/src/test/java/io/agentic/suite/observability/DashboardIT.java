package io.agentic.suite.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.local.services.AgenticService;
import io.agentic.suite.observability.Http.Answer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The admin dashboard through the gateway, against local mode: its figures follow executions within
 * seconds, only admins see them, and a restart of analytics-service keeps them.
 */
class DashboardIT {

  /** "Lag the events by at most a few seconds" (API.md); generous for a loaded 2-core machine. */
  private static final Duration FEW_SECONDS = Duration.ofSeconds(15);

  /** A figure unchanged this long is taken as settled (earlier tests' events have arrived). */
  private static final Duration SETTLED = Duration.ofSeconds(2);

  private final Http gateway = ObservedSuite.gateway();

  @Test
  void threeRunsRaiseExecutionsTodayByThreeAndShowInTheCurrentMinute() {
    // given an admin, a user with a small workflow, and the figures once settled
    String admin = ObservedSuite.adminToken();
    String user = gateway.newUserToken();
    String workflowId = gateway.saveWorkflow(ObservedSuite.doubler(shortId()), user);
    Instant from = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    String range =
        "/api/dashboard/metrics?from=" + from + "&to=" + from.plus(10, ChronoUnit.MINUTES);
    long today = settled(() -> overview(admin).path("executionsToday").asLong());
    long started = settled(() -> sum(metrics(admin, range), "started"));
    long completed = settled(() -> sum(metrics(admin, range), "completed"));

    // when the user runs it three times
    for (int n = 1; n <= 3; n++) {
      runToTheEnd(workflowId, n, user);
    }

    // then executionsToday rises by exactly three within a few seconds, and stays there
    awaitSteady(() -> overview(admin).path("executionsToday").asLong(), today + 3);
    JsonNode overview = overview(admin);
    assertThat(overview.path("successRate").asDouble()).as("%s", overview).isPositive();
    assertThat(overview.path("recentExecutions").isArray()).as("%s", overview).isTrue();

    // and the per-minute series counts them as started and completed, in this minute or the next
    awaitSteady(() -> sum(metrics(admin, range), "started"), started + 3);
    awaitSteady(() -> sum(metrics(admin, range), "completed"), completed + 3);
    Instant now = Instant.now();
    for (JsonNode minute : metrics(admin, range).path("series")) {
      if (minute.path("started").asLong() > 0) {
        assertThat(Instant.parse(minute.path("minute").asString()))
            .as("a minute with starts: %s", minute)
            .isBetween(from, now);
      }
    }
  }

  @Test
  void answersOnlyAdmins() {
    // given a user who is not an admin
    String user = gateway.newUserToken();

    // when / then every dashboard read is refused to them, and asks a token of anyone else
    for (String path : new String[] {"/api/dashboard/overview", "/api/dashboard/metrics"}) {
      assertProblem(gateway.get(path, user), 403, "FORBIDDEN");
      assertProblem(gateway.get(path, null), 401, "UNAUTHORIZED");
    }
  }

  @Test
  void keepsTheCountsAcrossARestartOfAnalytics() {
    // given executions counted by analytics
    String admin = ObservedSuite.adminToken();
    String user = gateway.newUserToken();
    String workflowId = gateway.saveWorkflow(ObservedSuite.doubler(shortId()), user);
    long before = settled(() -> overview(admin).path("executionsToday").asLong());
    runToTheEnd(workflowId, 1, user);
    runToTheEnd(workflowId, 2, user);
    awaitSteady(() -> overview(admin).path("executionsToday").asLong(), before + 2);

    // when analytics-service alone stops and starts again on the same data directory
    ObservedSuite.restart(AgenticService.ANALYTICS);

    // then, once warmed up, the count is the same: neither reset nor counted again
    awaitWarm(admin);
    awaitSteady(() -> overview(admin).path("executionsToday").asLong(), before + 2);

    // and it goes on counting
    runToTheEnd(workflowId, 3, user);
    awaitSteady(() -> overview(admin).path("executionsToday").asLong(), before + 3);
  }

  private void runToTheEnd(String workflowId, int n, String token) {
    Answer run =
        gateway.post(
            "/api/executions?wait=true&timeoutMs=30000",
            Map.of("workflowId", workflowId, "inputs", Map.of("n", n)),
            token);
    assertThat(run.status()).as("%s", run).isEqualTo(200);
    assertThat(run.json().path("status").asString()).as("%s", run).isEqualTo("completed");
  }

  /** The overview, once analytics answers it (not 503 WARMING_UP, as after a start). */
  private JsonNode overview(String admin) {
    return dashboard("/api/dashboard/overview", admin);
  }

  private JsonNode metrics(String admin, String range) {
    return dashboard(range, admin);
  }

  /**
   * One read; while analytics warms up (503 {@code WARMING_UP}) it fails as an assertion, which the
   * awaits below retry. Awaits poll in the test's thread: no nested pollers to interrupt.
   */
  private JsonNode dashboard(String path, String admin) {
    Answer answer = gateway.get(path, admin);
    if (answer.status() == 503) {
      assertThat(answer.json().path("code").asString()).as("%s", answer).isEqualTo("WARMING_UP");
      throw new AssertionError("analytics is warming up: " + answer);
    }
    assertThat(answer.status()).as("%s %s", path, answer).isEqualTo(200);
    return answer.json();
  }

  private static long sum(JsonNode metrics, String field) {
    long total = 0;
    for (JsonNode minute : metrics.path("series")) {
      total += minute.path(field).asLong();
    }
    return total;
  }

  /** The figure once it has stopped moving (events of earlier tests may still be arriving). */
  private static long settled(LongSupplier figure) {
    AtomicReference<Long> last = new AtomicReference<>(Long.MIN_VALUE);
    AtomicReference<Instant> since = new AtomicReference<>(Instant.now());
    await()
        .pollInSameThread()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptionsInstanceOf(AssertionError.class)
        .until(
            () -> {
              long now = figure.getAsLong();
              if (now != last.get()) {
                last.set(now);
                since.set(Instant.now());
                return false;
              }
              return Duration.between(since.get(), Instant.now()).compareTo(SETTLED) >= 0;
            });
    return last.get();
  }

  /** Reaches the expected value within a few seconds and does not move past it. */
  private static void awaitSteady(LongSupplier figure, long expected) {
    await()
        .pollInSameThread()
        .atMost(FEW_SECONDS)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(figure.getAsLong()).isGreaterThanOrEqualTo(expected));
    await()
        .pollInSameThread()
        .during(SETTLED)
        .atMost(SETTLED.plusSeconds(5))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(figure.getAsLong()).isEqualTo(expected));
  }

  /** After a (re)start: until analytics has loaded its figures. */
  private void awaitWarm(String admin) {
    await()
        .pollInSameThread()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> overview(admin));
  }

  private static void assertProblem(Answer answer, int status, String code) {
    assertThat(answer.status()).as("%s", answer).isEqualTo(status);
    assertThat(answer.json().path("code").asString()).as("%s", answer).isEqualTo(code);
  }

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}
