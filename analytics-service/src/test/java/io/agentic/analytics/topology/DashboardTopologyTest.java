package io.agentic.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agentic.analytics.FastStateDir;
import io.agentic.contracts.Topics;
import io.agentic.contracts.ai.AiCallRecorded;
import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.contracts.workflow.WorkflowChanged;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

class DashboardTopologyTest {

  private static final Instant T0 = Instant.parse("2025-06-02T10:00:00Z");
  private static final DashboardTopology.Settings SETTINGS =
      new DashboardTopology.Settings(
          "analytics.dashboard.test",
          Duration.ofHours(24),
          Duration.ofDays(35),
          Duration.ofHours(48),
          3);
  private static final DashboardKeys KEYS = SETTINGS.keys();

  @TempDir Path stateDir;

  private Path driverStateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, ExecutionProgressed> executions;
  private TestInputTopic<String, AiCallRecorded> aiCalls;
  private TestInputTopic<String, WorkflowChanged> workflowChanges;
  private KeyValueStore<String, DashboardEntry> dashboard;

  @BeforeEach
  void startDriver() {
    StreamsBuilder builder = new StreamsBuilder();
    DashboardTopology.build(builder, SETTINGS);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dashboard-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driverStateDir = FastStateDir.under(stateDir);
    props.put(StreamsConfig.STATE_DIR_CONFIG, driverStateDir.toString());
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    driver = new TopologyTestDriver(builder.build(), props);
    executions =
        driver.createInputTopic(
            Topics.EXECUTION_EVENTS,
            new StringSerializer(),
            ContractSerdes.of(ExecutionProgressed.class).serializer());
    aiCalls =
        driver.createInputTopic(
            Topics.AI_USAGE,
            new StringSerializer(),
            ContractSerdes.of(AiCallRecorded.class).serializer());
    workflowChanges =
        driver.createInputTopic(
            Topics.WORKFLOW_EVENTS,
            new StringSerializer(),
            ContractSerdes.of(WorkflowChanged.class).serializer());
    dashboard = driver.getKeyValueStore(DashboardTopology.DASHBOARD_STORE);
  }

  @AfterEach
  void closeDriver() throws IOException {
    driver.close();
    FileSystemUtils.deleteRecursively(driverStateDir);
  }

  @Test
  void countsStartsAndEndsInTheMinuteTheyHappened() {
    // given executions starting and ending across two minutes
    start("e1", "wf", T0.plusSeconds(5));
    start("e2", "wf", T0.plusSeconds(30));
    end("e1", "wf", "completed", 1_000, T0.plusSeconds(40));
    start("e3", "wf", T0.plusSeconds(65));
    end("e2", "wf", "failed", 2_000, T0.plusSeconds(70));
    start("e4", "wf", T0.plusSeconds(80));
    end("e3", "wf", "cancelled", 500, T0.plusSeconds(90));

    // then each minute holds its own figures
    Figures first = minute(T0);
    assertThat(first.started()).isEqualTo(2);
    assertThat(first.completed()).isEqualTo(1);
    assertThat(first.failed()).isZero();
    Figures second = minute(T0.plusSeconds(60));
    assertThat(second.started()).isEqualTo(2);
    assertThat(second.failed()).isEqualTo(1);
    assertThat(second.cancelled()).isEqualTo(1);
    assertThat(second.averageDurationMs()).isEqualTo(1_250);
    assertThat(minute(T0.plusSeconds(120)).started()).isZero();
  }

  @Test
  void ignoresNodeEvents() {
    start("e1", "wf", T0);
    executions.pipeInput(
        "e1",
        new ExecutionProgressed(
            "e1:2", "e1", 2, "node.completed", "wf", 1, "u", "n1", T0.plusSeconds(1), Map.of()));

    assertThat(totals().figures().ended()).isZero();
    assertThat(totals().figures().started()).isEqualTo(1);
  }

  @Test
  void doesNotCountARecordDeliveredTwice() {
    // given every kind of record, each delivered twice
    ExecutionProgressed started = startedEvent("e1", "wf", T0);
    ExecutionProgressed completed = endedEvent("e1", "wf", "completed", 900, T0.plusSeconds(2));
    AiCallRecorded call = call("gemini", "success", 300, 100, 0.01, T0.plusSeconds(1));
    WorkflowChanged change = change("wf", "updated", T0.plusSeconds(3));
    for (int i = 0; i < 2; i++) {
      executions.pipeInput("e1", started);
      aiCalls.pipeInput("e1", call);
      executions.pipeInput("e1", completed);
      workflowChanges.pipeInput("wf", change);
    }

    // then nothing counts twice, in any figure
    for (Figures figures : List.of(minute(T0), day(T0), totals().figures())) {
      assertThat(figures.started()).isEqualTo(1);
      assertThat(figures.completed()).isEqualTo(1);
      assertThat(figures.durations().total()).isEqualTo(1);
      assertThat(figures.providers().get("gemini").calls()).isEqualTo(1);
      assertThat(figures.workflowChanges()).isEqualTo(1);
    }
    assertThat(totals().active()).isZero();
    assertThat(workflow("wf").started()).isEqualTo(1);
    assertThat(workflow("wf").changes()).isEqualTo(1);
    assertThat(recent().items()).hasSize(1);
  }

  @Test
  void readsDurationPercentilesFromTheSketchWithinItsBound() {
    // given 300 executions ending in one minute with durations from 10 ms to 10 min
    Random random = new Random(7);
    long[] durations = new long[300];
    for (int i = 0; i < durations.length; i++) {
      durations[i] = 10 + (long) Math.pow(60_000, random.nextDouble());
      end("e" + i, "wf", "completed", durations[i], T0.plusMillis(i * 100L));
    }
    Arrays.sort(durations);

    // then p50 and p95 are within 2 % of the exact nearest-rank percentiles
    LogHistogram sketch = minute(T0).durations();
    long p50 = durations[149];
    long p95 = durations[284];
    assertThat((double) sketch.quantile(0.5)).isCloseTo(p50, within(p50 * 0.02 + 0.5));
    assertThat((double) sketch.quantile(0.95)).isCloseTo(p95, within(p95 * 0.02 + 0.5));
  }

  @Test
  void activeExecutionsAreStartedMinusEndedAndNeverNegative() {
    // given an end whose start happened before analytics existed
    end("old", "wf", "completed", 10, T0);
    assertThat(totals().active()).isZero();

    // when three start and one ends
    start("e1", "wf", T0.plusSeconds(1));
    start("e2", "wf", T0.plusSeconds(2));
    start("e3", "wf", T0.plusSeconds(3));
    end("e1", "wf", "completed", 10, T0.plusSeconds(4));

    // then two are running
    assertThat(totals().active()).isEqualTo(2);

    // when one fails and is retried: running again, but not a new execution
    end("e2", "wf", "failed", 10, T0.plusSeconds(5));
    retry("e2", "wf", T0.plusSeconds(6));
    assertThat(totals().active()).isEqualTo(2);
    assertThat(totals().figures().started()).isEqualTo(3);
    assertThat(totals().figures().retried()).isEqualTo(1);
  }

  @Test
  void countsTheExecutionsOfEachUtcDay() {
    // given starts on either side of midnight UTC
    Instant midnight = Instant.parse("2025-06-03T00:00:00Z");
    start("late", "wf", midnight.minusSeconds(1));
    start("early1", "wf", midnight);
    start("early2", "wf", midnight.plusSeconds(3_600));

    // then each day counts its own
    assertThat(day(LocalDate.parse("2025-06-02")).started()).isEqualTo(1);
    assertThat(day(LocalDate.parse("2025-06-03")).started()).isEqualTo(2);
    assertThat(dayEntry(LocalDate.parse("2025-06-03")).start()).isEqualTo(midnight);
  }

  @Test
  void aggregatesEachProviderPerMinutePerDayAndInTotal() {
    // given calls to two providers, one of them failing once
    aiCalls.pipeInput("e1", call("gemini", "success", 200, 1_000, 0.002, T0.plusSeconds(1)));
    aiCalls.pipeInput("e1", call("gemini", "success", 400, 500, 0.001, T0.plusSeconds(2)));
    aiCalls.pipeInput("e1", call("gemini", "timeout", 60_000, 0, 0, T0.plusSeconds(3)));
    aiCalls.pipeInput("e2", call("groq", "success", 90, 300, 0.0005, T0.plusSeconds(61)));

    // then each provider has its own calls, errors, latency, tokens and cost
    ProviderFigures gemini = minute(T0).providers().get("gemini");
    assertThat(gemini.calls()).isEqualTo(3);
    assertThat(gemini.errors()).isEqualTo(1);
    assertThat(gemini.tokens()).isEqualTo(1_500);
    assertThat(gemini.costUsd()).isCloseTo(0.003, within(1e-9));
    assertThat((double) gemini.latency().quantile(0.5)).isCloseTo(400, within(8.5));
    assertThat((double) gemini.latency().quantile(0.95)).isCloseTo(60_000, within(1_200.5));
    assertThat(minute(T0).providers()).doesNotContainKey("groq");
    assertThat(minute(T0.plusSeconds(60)).providers().get("groq").calls()).isEqualTo(1);
    assertThat(day(T0).providers().get("gemini").calls()).isEqualTo(3);
    assertThat(day(T0).providers().get("groq").tokens()).isEqualTo(300);
    assertThat(totals().figures().providers()).containsOnlyKeys("gemini", "groq");
  }

  @Test
  void keepsEachWorkflowsCountsAndSuccessRate() {
    // given two workflows with executions and changes
    workflowChanges.pipeInput("wf-a", change("wf-a", "created", T0));
    start("a1", "wf-a", T0.plusSeconds(1));
    start("a2", "wf-a", T0.plusSeconds(2));
    start("a3", "wf-a", T0.plusSeconds(3));
    end("a1", "wf-a", "completed", 100, T0.plusSeconds(4));
    end("a2", "wf-a", "completed", 300, T0.plusSeconds(5));
    end("a3", "wf-a", "failed", 200, T0.plusSeconds(6));
    workflowChanges.pipeInput("wf-a", change("wf-a", "updated", T0.plusSeconds(7)));
    start("b1", "wf-b", T0.plusSeconds(8));

    // then each workflow has its own figures
    WorkflowFigures a = workflow("wf-a");
    assertThat(a.workflowId()).isEqualTo("wf-a");
    assertThat(a.started()).isEqualTo(3);
    assertThat(a.completed()).isEqualTo(2);
    assertThat(a.failed()).isEqualTo(1);
    assertThat(a.successRate()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(a.averageDurationMs()).isEqualTo(200);
    assertThat(a.changes()).isEqualTo(2);
    assertThat(a.lastChange()).isEqualTo("updated");
    assertThat(workflow("wf-b").started()).isEqualTo(1);
    assertThat(workflow("wf-b").successRate()).isNull();
    assertThat(totals().figures().workflowChanges()).isEqualTo(2);
  }

  @Test
  void listsTheLastEndedExecutionsNewestFirst() {
    end("e1", "wf", "completed", 10, T0.plusSeconds(1));
    end("e2", "wf", "failed", 20, T0.plusSeconds(2));
    end("e3", "wf", "cancelled", 30, T0.plusSeconds(3));
    end("e4", "wf", "completed", 40, T0.plusSeconds(4));

    assertThat(recent().items()).extracting(RecentExecution::id).containsExactly("e4", "e3", "e2");
    assertThat(recent().items().getFirst())
        .isEqualTo(new RecentExecution("e4", "wf", "completed", 40, T0.plusSeconds(4)));
  }

  @Test
  void reusesAMinuteSlotOnceItsWindowHasExpired() {
    // given a minute, and the same slot a retention later
    start("e1", "wf", T0);
    Instant dayLater = T0.plus(SETTINGS.minuteRetention());
    assertThat(KEYS.minute(dayLater)).isEqualTo(KEYS.minute(T0));
    start("e2", "wf", dayLater);
    start("e3", "wf", dayLater.plusSeconds(1));

    // then the slot holds the newer window, which says so
    PeriodFigures slot = (PeriodFigures) dashboard.get(KEYS.minute(T0));
    assertThat(slot.start()).isEqualTo(dayLater);
    assertThat(slot.figures().started()).isEqualTo(2);
  }

  // --- reading the dashboard table, as the REST layer does

  private Figures minute(Instant at) {
    Instant start = at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    DashboardEntry entry = dashboard.get(KEYS.minute(start));
    return entry instanceof PeriodFigures p && p.start().equals(start)
        ? p.figures()
        : Figures.none();
  }

  private Figures day(Instant at) {
    return day(LocalDate.ofInstant(at, java.time.ZoneOffset.UTC));
  }

  private Figures day(LocalDate date) {
    PeriodFigures entry = dayEntry(date);
    return entry == null ? Figures.none() : entry.figures();
  }

  private PeriodFigures dayEntry(LocalDate date) {
    return (PeriodFigures) dashboard.get(KEYS.day(date));
  }

  private Totals totals() {
    DashboardEntry entry = dashboard.get(DashboardKeys.TOTALS);
    return entry == null ? Totals.none() : (Totals) entry;
  }

  private RecentExecutions recent() {
    return (RecentExecutions) dashboard.get(DashboardKeys.RECENT);
  }

  private WorkflowFigures workflow(String id) {
    return (WorkflowFigures) dashboard.get(DashboardKeys.workflow(id));
  }

  // --- input records

  private void start(String executionId, String workflowId, Instant at) {
    executions.pipeInput(executionId, startedEvent(executionId, workflowId, at));
  }

  private void retry(String executionId, String workflowId, Instant at) {
    Map<String, Object> data = Map.of("status", "running", "retry", true);
    executions.pipeInput(
        executionId,
        new ExecutionProgressed(
            executionId + ":" + UUID.randomUUID(),
            executionId,
            9,
            "execution.started",
            workflowId,
            1,
            "user-1",
            null,
            at,
            data));
  }

  private void end(String executionId, String workflowId, String status, long ms, Instant at) {
    executions.pipeInput(executionId, endedEvent(executionId, workflowId, status, ms, at));
  }

  private static ExecutionProgressed startedEvent(
      String executionId, String workflowId, Instant at) {
    return new ExecutionProgressed(
        executionId + ":1",
        executionId,
        1,
        "execution.started",
        workflowId,
        1,
        "user-1",
        null,
        at,
        Map.of("status", "running"));
  }

  private static ExecutionProgressed endedEvent(
      String executionId, String workflowId, String status, long ms, Instant at) {
    return new ExecutionProgressed(
        executionId + ":" + at.toEpochMilli(),
        executionId,
        5,
        "execution." + status,
        workflowId,
        1,
        "user-1",
        null,
        at,
        Map.of("status", status, "durationMs", ms));
  }

  private static AiCallRecorded call(
      String provider, String outcome, long latencyMs, long tokens, double cost, Instant at) {
    return new AiCallRecorded(
        UUID.randomUUID().toString(),
        "e1",
        "e1:n1:1",
        "user-1",
        provider,
        "model",
        "general",
        latencyMs,
        tokens / 2,
        tokens - tokens / 2,
        tokens,
        cost,
        outcome,
        new ArrayList<>(),
        false,
        at);
  }

  private static WorkflowChanged change(String workflowId, String change, Instant at) {
    return new WorkflowChanged(UUID.randomUUID().toString(), workflowId, change, 1, "user-1", at);
  }
}
