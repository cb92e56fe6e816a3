package io.agentic.suite.engine;

import static io.agentic.suite.SuiteAccess.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.suite.SuiteAccess.Answer;
import io.agentic.suite.SuiteAccess.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The per-user limits of API.md through the gateway: 100 running executions, 20 waiting {@code
 * ?wait=true} requests; past them, 429 with {@code Retry-After}.
 */
class LimitsIT {

  private static final int MAX_RUNNING = 100;
  private static final int MAX_WAITING = 20;
  private static final String LONG_WAIT_NODES =
      """
      [{"id": "in", "type": "INPUT", "data": {}},
       {"id": "pause", "type": "DELAY", "data": {"durationMs": 600000}},
       {"id": "out", "type": "OUTPUT", "data": {"value": "'late'"}}]
      """;
  private static final String LONG_WAIT_EDGES =
      "[{\"source\": \"in\", \"target\": \"pause\"}, {\"source\": \"pause\", \"target\": \"out\"}]";

  private final Runs runs = new Runs();
  private final Session me = runs.newUser();

  @Test
  void refusesTheHundredAndFirstRunningExecutionUntilOneEnds() {
    // given a hundred executions of mine waiting in a DELAY
    String id = runs.savePublic(me, "Long wait", LONG_WAIT_NODES, LONG_WAIT_EDGES);
    List<String> running = new ArrayList<>();
    try {
      for (int i = 0; i < MAX_RUNNING; i++) {
        running.add(runs.start(me, id, Map.of()));
      }

      // when I start one more
      Answer refused = runs.post(me, id, Map.of(), "");

      // then it is refused with a 429 saying when to try again
      assertProblem(refused, 429, "TOO_MANY_RUNNING");
      assertThat(refused.header("Retry-After"))
          .as("%s", refused.raw().headers())
          .matches("[1-9]\\d*");
      // another user is not held back by my executions
      Session other = runs.newUser();
      String theirs = runs.start(other, id, Map.of());
      assertThat(runs.stop(other, theirs).status()).isEqualTo(200);
      // and once one of mine ends, I may start again
      assertThat(runs.stop(me, running.removeFirst()).status()).isEqualTo(200);
      running.add(runs.start(me, id, Map.of()));
    } finally {
      stopAll(me.token(), running);
    }
  }

  @Test
  void refusesTheTwentyFirstWaitingRequestWithoutStartingAnExecution() {
    // given twenty ?wait=true requests of mine held open by a ten-minute DELAY
    String id = runs.save(me, "Long wait", LONG_WAIT_NODES, LONG_WAIT_EDGES);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Answer>> waiting = openWaits(pool, id);
      try {
        // when a twenty-first arrives
        Answer refused = runs.post(me, id, Map.of(), "?wait=true&timeoutMs=60000");

        // then it is refused with a 429 and, refused, started nothing
        assertProblem(refused, 429, "TOO_MANY_WAITING");
        assertThat(refused.header("Retry-After")).matches("[1-9]\\d*");
        assertThat(unfinished(id))
            .as("executions after a refused start: a client retrying on 429 would run it twice")
            .hasSize(MAX_WAITING);
      } finally {
        endWaits(id, waiting);
      }
    }
  }

  @Test
  void stopsAnExecutionWhileTwentyRequestsWait() {
    // given twenty ?wait=true requests of mine held open by a ten-minute DELAY
    String id = runs.save(me, "Long wait", LONG_WAIT_NODES, LONG_WAIT_EDGES);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Answer>> waiting = openWaits(pool, id);
      try {
        // when I stop one of them
        Answer stopped = runs.stop(me, unfinished(id).getFirst());

        // then it is stopped: the limit is on waiting starts, not on stopping
        assertThat(stopped.status()).as("%s", stopped).isEqualTo(200);
        assertThat(stopped.json().path("status").asString()).isEqualTo("cancelled");
      } finally {
        endWaits(id, waiting);
      }
    }
  }

  /** Twenty waiting starts of the workflow, once all twenty executions exist. */
  private List<Future<Answer>> openWaits(ExecutorService pool, String workflowId) {
    List<Future<Answer>> waiting =
        IntStream.range(0, MAX_WAITING)
            .mapToObj(
                i ->
                    pool.submit(
                        () -> runs.post(me, workflowId, Map.of(), "?wait=true&timeoutMs=60000")))
            .toList();
    await()
        .atMost(Runs.PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> unfinished(workflowId).size() >= MAX_WAITING);
    return waiting;
  }

  /**
   * Stops every execution of the workflow as the admin (whose own waiting requests are counted
   * apart from mine); each waiting request then answers with its cancelled execution.
   */
  private void endWaits(String workflowId, List<Future<Answer>> waiting) {
    stopAll(runs.client().adminToken(), unfinished(workflowId));
    for (Future<Answer> answer : waiting) {
      Answer ended = get(answer);
      assertThat(ended.status()).as("%s", ended).isEqualTo(200);
      assertThat(ended.json().path("status").asString()).isEqualTo("cancelled");
    }
  }

  private Answer stop(String token, String executionId) {
    return runs.client().post("/api/executions/" + executionId + "/stop", Map.of(), token);
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ids of the workflow's executions still pending or running. */
  /** Pending ones first: one that starts running in between shows up twice, kept once. */
  private List<String> unfinished(String workflowId) {
    Set<String> ids = new LinkedHashSet<>();
    for (String status : List.of("pending", "running")) {
      Answer page =
          runs.client()
              .get(
                  "/api/executions?size=100&workflowId=" + workflowId + "&status=" + status,
                  me.token());
      assertThat(page.status()).as("%s", page).isEqualTo(200);
      page.json().path("items").valueStream().map(e -> e.path("id").asString()).forEach(ids::add);
    }
    return List.copyOf(ids);
  }

  /**
   * Stops executions a few at a time, so that clean-up stays under the gateway's per-user request
   * rate; a stop the gateway rate-limits is sent again.
   */
  private void stopAll(String token, List<String> executionIds) {
    Semaphore lanes = new Semaphore(4);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (String executionId : executionIds) {
        pool.submit(
            () -> {
              lanes.acquireUninterruptibly();
              try {
                await()
                    .atMost(Runs.PATIENCE)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> stop(token, executionId).status() != 429);
              } finally {
                lanes.release();
              }
            });
      }
    }
  }
}
