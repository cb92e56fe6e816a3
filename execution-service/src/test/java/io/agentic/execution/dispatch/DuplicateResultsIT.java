package io.agentic.execution.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.execution.store.ExecutionEventStore;
import io.agentic.execution.support.Api;
import io.agentic.execution.support.IntegrationTest;
import io.agentic.execution.support.Tokens;
import io.agentic.execution.support.WorkflowSeeder;
import io.agentic.execution.workflows.WorkflowCatalog;
import io.agentic.platform.kafka.ContractDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Every step result reaches the orchestrator twice (a redelivery after a crash, a producer retry):
 * each node still completes once and the event log has no repeated transition.
 */
class DuplicateResultsIT extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, Object> kafka;
  @Autowired WorkflowCatalog catalog;
  @Autowired ExecutionEventStore eventLog;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrap;

  /** How many step results were published a second time, by execution. */
  private final Map<String, AtomicInteger> resent = new ConcurrentHashMap<>();

  private final AtomicBoolean running = new AtomicBoolean(true);
  private Thread duplicator;

  /**
   * Publishes every step result that appears from now on a second time, whichever execution it
   * belongs to: duplicates must be harmless to all of them.
   */
  @BeforeEach
  void startDuplicating() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "duplicate-results-it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    KafkaConsumer<String, Object> results =
        new KafkaConsumer<>(p, new StringDeserializer(), new ContractDeserializer());
    results.subscribe(List.of(Topics.STEP_RESULTS));
    // positioned at the end before anything runs, so no result of this test slips by
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              results.poll(Duration.ofMillis(50));
              return !results.assignment().isEmpty();
            });
    Set<String> seen = ConcurrentHashMap.newKeySet();
    duplicator =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (results) {
                    while (running.get()) {
                      results
                          .poll(Duration.ofMillis(50))
                          .forEach(
                              r -> {
                                // each original once: the copies come back through this consumer
                                if (r.value() instanceof StepFinished f
                                    && seen.add(f.stepId() + "#" + f.attempt())) {
                                  kafka.send(Topics.STEP_RESULTS, r.key(), f).join();
                                  resent
                                      .computeIfAbsent(f.executionId(), k -> new AtomicInteger())
                                      .incrementAndGet();
                                }
                              });
                    }
                  }
                });
  }

  @AfterEach
  void stopDuplicating() throws InterruptedException {
    running.set(false);
    duplicator.join();
  }

  @Test
  void aParallelJoinWhoseResultsAllArriveTwiceCompletesEachNodeOnce() {
    // given a workflow with two HTTP steps in parallel and a join
    String owner = WorkflowSeeder.newUser();
    String token = Tokens.bearer(owner, "user");
    String workflowId = new WorkflowSeeder(kafka, catalog).publish("parallel-join", owner);
    Api api = new Api(port);

    // when it runs while every one of its step results is delivered twice
    String id =
        api.post("/api/executions", token, Map.of("workflowId", workflowId)).<String>at("id");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "completed".equals(api.get("/api/executions/" + id, token).at("status")));
    // both HTTP steps' results went out twice
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> resent.getOrDefault(id, new AtomicInteger()).get() >= 2);

    // then each node completed once, and the log numbers each transition once, without gaps
    List<ExecutionProgressed> events = eventLog.after(id, 0, 500);
    Map<String, Long> completions =
        events.stream()
            .filter(e -> e.type().equals("node.completed"))
            .collect(Collectors.groupingBy(ExecutionProgressed::nodeId, Collectors.counting()));
    assertThat(completions)
        .containsOnly(
            Map.entry("in", 1L), Map.entry("a", 1L), Map.entry("b", 1L), Map.entry("join", 1L));
    assertThat(events.stream().filter(e -> e.type().equals("execution.completed"))).hasSize(1);
    assertThat(events)
        .extracting(ExecutionProgressed::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
  }
}
