package io.agentic.execution.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.CancelExecution;
import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.StartExecution;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.workflow.NodeType;
import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.engine.ExecutionStatus;
import io.agentic.execution.engine.Workflows;
import io.agentic.execution.store.ExecutionStore;
import io.agentic.execution.store.OutboxEntry;
import io.agentic.execution.store.StoredExecution;
import io.agentic.execution.support.IntegrationTest;
import io.agentic.execution.support.ScriptedHttpStep;
import io.agentic.platform.kafka.ContractDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

/** Delivery guarantees: redelivered steps, unsent outbox entries, deadlines. */
class DeliveryIT extends IntegrationTest {

  @Autowired KafkaTemplate<String, Object> kafka;
  @Autowired ExecutionStore executions;
  @Autowired Partitions partitions;
  @Autowired ScriptedHttpStep httpStep;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrap;

  KafkaConsumer<String, Object> results;

  @BeforeEach
  void listenToStepResults() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "delivery-it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    results = new KafkaConsumer<>(p, new StringDeserializer(), new ContractDeserializer());
    results.subscribe(List.of(Topics.STEP_RESULTS));
  }

  @AfterEach
  void close() {
    results.close();
  }

  /** Stores an execution as the REST layer would, with {@code outbox} as its unsent entries. */
  private ExecutionState store(String fixture, Instant startedAt, List<OutboxEntry> outbox) {
    String id = UUID.randomUUID().toString();
    Workflows.Fixture graph = Workflows.load(fixture);
    ExecutionState state =
        ExecutionState.pending(
            id,
            "wf-" + id,
            1,
            "u-" + id,
            graph.nodes(),
            graph.edges(),
            Map.of(),
            startedAt,
            Duration.ofHours(24));
    executions.insert(new StoredExecution(state, 0, partitions.of(id), outbox, "id:" + id, null));
    return state;
  }

  private ExecuteStep step(String executionId, String url) {
    return new ExecuteStep(
        executionId + ":call:1",
        executionId,
        executionId,
        "wf",
        "u",
        "call",
        NodeType.HTTP_REQUEST,
        1,
        Map.of("method", "GET", "url", url),
        5000,
        Instant.now());
  }

  private List<StepFinished> resultsFor(String executionId, int atLeast) {
    List<StepFinished> found = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              results
                  .poll(Duration.ofMillis(100))
                  .forEach(
                      r -> {
                        if (r.value() instanceof StepFinished f
                            && executionId.equals(f.executionId())) {
                          found.add(f);
                        }
                      });
              return found.size() >= atLeast;
            });
    return found;
  }

  @Test
  void answersARedeliveredStepWithItsRecordedResultWithoutRunningItAgain() throws Exception {
    ExecutionState execution = store("api-flow", Instant.now(), List.of());
    ExecuteStep step = step(execution.id(), "https://once.example.test/");

    kafka.send(Topics.STEPS_HTTP, execution.id(), step).get();
    kafka.send(Topics.STEPS_HTTP, execution.id(), step).get();

    List<StepFinished> answers = resultsFor(execution.id(), 2);
    assertThat(answers).hasSize(2);
    assertThat(answers.get(1)).isEqualTo(answers.get(0));
    assertThat(answers.get(0).succeeded()).isTrue();
    assertThat(httpStep.runsOf(step.stepId())).isEqualTo(1);
  }

  @Test
  void skipsStepsOfAnEndedExecution() throws Exception {
    ExecutionState execution = store("api-flow", Instant.now(), List.of());
    kafka
        .send(
            Topics.EXECUTION_COMMANDS,
            execution.id(),
            new CancelExecution("c-" + execution.id(), execution.id(), "u", "test", Instant.now()))
        .get();
    await()
        .until(() -> executions.status(execution.id()).orElseThrow() == ExecutionStatus.CANCELLED);
    ExecuteStep step = step(execution.id(), "https://cancelled.example.test/");
    // a step of another execution, sent after it on the same partition, shows the first was handled
    ExecutionState other = store("api-flow", Instant.now(), List.of());

    kafka.send(Topics.STEPS_HTTP, execution.id(), step).get();
    kafka
        .send(Topics.STEPS_HTTP, other.id(), step(other.id(), "https://other.example.test/"))
        .get();

    resultsFor(other.id(), 1);
    assertThat(httpStep.runsOf(step.stepId())).isZero();
  }

  @Test
  void answersAStepNoWorkerServesWithNotSupportedYet() throws Exception {
    // DATABASE now has its worker: a node type the step workers do not serve lands on their topic
    ExecutionState execution = store("api-flow", Instant.now(), List.of());
    ExecuteStep stray =
        new ExecuteStep(
            execution.id() + ":think:1",
            execution.id(),
            execution.id(),
            "wf",
            "u",
            "think",
            NodeType.AI_PROCESSOR,
            1,
            Map.of("prompt", "hello"),
            5000,
            Instant.now());

    kafka.send(Topics.STEPS_DATABASE, execution.id(), stray).get();

    StepFinished answer = resultsFor(execution.id(), 1).getFirst();
    assertThat(answer.succeeded()).isFalse();
    assertThat(answer.error().code()).isEqualTo("NOT_SUPPORTED_YET");
  }

  @Test
  void failsTheAttemptOfAStepThatLandedInADeadLetterTopic() throws Exception {
    ExecutionState execution = store("api-flow", Instant.now(), List.of());
    ExecuteStep step = step(execution.id(), "https://unlucky.example.test/");

    kafka.send(Topics.dlt(Topics.STEPS_HTTP), execution.id(), step).get();

    StepFinished answer = resultsFor(execution.id(), 1).getFirst();
    assertThat(answer.stepId()).isEqualTo(step.stepId());
    assertThat(answer.succeeded()).isFalse();
    assertThat(answer.error().code()).isEqualTo("STEP_UNDELIVERABLE");
    assertThat(answer.error().retryable()).isTrue();
    assertThat(httpStep.runsOf(step.stepId())).isZero();
  }

  @Test
  void relaysOutboxEntriesLeftUnsentByACrash() {
    // given an execution stored with its start command never published (a crash after the write)
    ExecutionState execution = storeWithStart("short-delay", Instant.now().minusSeconds(60));

    // then the relay publishes it, and the execution runs to its end
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> executions.status(execution.id()).orElseThrow() == ExecutionStatus.COMPLETED);
    // the last transition's entries are done just after its state is written
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> executions.find(execution.id()).orElseThrow().outbox().isEmpty());
  }

  private ExecutionState storeWithStart(String fixture, Instant createdAt) {
    String id = UUID.randomUUID().toString();
    Workflows.Fixture graph = Workflows.load(fixture);
    ExecutionState state =
        ExecutionState.pending(
            id,
            "wf-" + id,
            1,
            "u-" + id,
            graph.nodes(),
            graph.edges(),
            Map.of(),
            createdAt,
            Duration.ofHours(24));
    OutboxEntry start =
        OutboxEntry.message(
            Topics.EXECUTION_COMMANDS, id, new StartExecution("s-" + id, id, createdAt), createdAt);
    executions.insert(
        new StoredExecution(state, 0, partitions.of(id), List.of(start), "id:" + id, null));
    return state;
  }

  @Test
  void failsExecutionsPastTheirDeadline() {
    // given an execution accepted 25 h ago whose start never came through
    ExecutionState execution =
        store("long-delay", Instant.now().minus(Duration.ofHours(25)), List.of());

    // then the sweeper fails it
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> executions.status(execution.id()).orElseThrow() == ExecutionStatus.FAILED);
    ExecutionState failed = executions.find(execution.id()).orElseThrow().state();
    assertThat(failed.error().code()).isEqualTo("DEADLINE_EXCEEDED");
  }
}
