package io.agentic.analytics.topology;

import io.agentic.contracts.Topics;
import io.agentic.contracts.ai.AiCallRecorded;
import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.contracts.workflow.WorkflowChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The dashboard's figures, computed from the suite's event streams.
 *
 * <pre>
 * execution.events.v1 ─ starts and ends ─┐
 * ai.usage.v1 ───────── AI calls ────────┼─ key "all" ─▶ facts (1 partition) ─▶ deduplicate (event id)
 * workflow.events.v1 ── changes ─────────┘                                          │
 *      ┌──────────────┬──────────────┬──────────────┬──────────────┬─────────────────┘
 *   minutes (1 min)  days (1 day)    totals       recent ends    per workflow (re-keyed by id)
 *      └──────────────┴──────────────┴──────────────┴──────────────┴─▶ dashboard topic (1 partition)
 *                                                                   ─▶ global table "dashboard"
 * </pre>
 *
 * Every figure the dashboard shows is global (all executions, all providers), so the inputs are
 * funnelled into one partition, where a single task owns each aggregate and needs no merge step.
 * Its results go to a compacted one-partition topic that every instance reads in full as a {@link
 * GlobalKTable}: whichever instance a request reaches answers from its own up-to-date copy, with no
 * remote queries. The aggregates' own stores are changelogged, so a restart resumes where it was.
 */
public final class DashboardTopology {

  /** The global table every instance queries: keys in {@link DashboardKeys}. */
  public static final String DASHBOARD_STORE = "dashboard";

  static final String ALL = "all";
  static final String DEDUPE_STORE = "dedupe";
  static final String MINUTES_STORE = "minute-figures";
  static final String DAYS_STORE = "day-figures";
  static final String TOTALS_STORE = "totals";
  static final String RECENT_STORE = "recent-executions";
  static final String WORKFLOWS_STORE = "workflow-figures";

  private DashboardTopology() {}

  /**
   * What the topology keeps and where it publishes.
   *
   * @param dashboardTopic the compacted, one-partition topic behind the global table
   * @param minuteRetention how long per-minute figures are kept (whole minutes)
   * @param dayRetention how long per-day figures are kept (whole days)
   * @param dedupeRetention how long an event id is remembered
   * @param recentExecutions how many ended executions the overview lists
   */
  public record Settings(
      String dashboardTopic,
      Duration minuteRetention,
      Duration dayRetention,
      Duration dedupeRetention,
      int recentExecutions) {

    public Settings {
      if (minuteRetention.toMinutes() < 2 || minuteRetention.toSeconds() % 60 != 0) {
        throw new IllegalArgumentException("minute retention must be whole minutes, at least 2");
      }
      if (dayRetention.toDays() < 2 || dayRetention.toSeconds() % 86_400 != 0) {
        throw new IllegalArgumentException("day retention must be whole days, at least 2");
      }
      if (dedupeRetention.toMillis() < 1 || recentExecutions < 1) {
        throw new IllegalArgumentException("dedupe retention and recent executions must be > 0");
      }
    }

    public DashboardKeys keys() {
      return new DashboardKeys((int) minuteRetention.toMinutes(), (int) dayRetention.toDays());
    }
  }

  public static GlobalKTable<String, DashboardEntry> build(
      StreamsBuilder builder, Settings settings) {
    Serde<String> strings = Serdes.String();
    Serde<Fact> factSerde = JsonSerde.of(Fact.class);
    Serde<DashboardEntry> entrySerde = JsonSerde.of(DashboardEntry.class);
    DashboardKeys keys = settings.keys();

    KStream<String, Fact> facts =
        executionFacts(builder)
            .merge(aiCallFacts(builder))
            .merge(workflowFacts(builder))
            .selectKey((key, fact) -> ALL)
            .repartition(
                Repartitioned.with(strings, factSerde).withName("facts").withNumberOfPartitions(1))
            .processValues(
                new Deduplicate(DEDUPE_STORE, settings.dedupeRetention()), Named.as("deduplicate"));
    KGroupedStream<String, Fact> all = facts.groupByKey(Grouped.with(strings, factSerde));

    KStream<String, DashboardEntry> minutes =
        windowed(
            all, DashboardKeys.MINUTE, settings.minuteRetention(), MINUTES_STORE, keys::minute);
    KStream<String, DashboardEntry> days =
        windowed(all, DashboardKeys.DAY, settings.dayRetention(), DAYS_STORE, keys::day);
    KStream<String, DashboardEntry> totals =
        all.aggregate(
                Totals::none,
                (key, fact, sum) -> sum.add(fact),
                Materialized.<String, Totals, KeyValueStore<Bytes, byte[]>>as(TOTALS_STORE)
                    .withKeySerde(strings)
                    .withValueSerde(JsonSerde.of(Totals.class)))
            .toStream()
            .map((key, sum) -> KeyValue.pair(DashboardKeys.TOTALS, sum));
    KStream<String, DashboardEntry> recent =
        facts
            .filter((key, fact) -> fact instanceof ExecutionFact e && e.terminal())
            .groupByKey(Grouped.with(strings, factSerde))
            .aggregate(
                RecentExecutions::none,
                (key, fact, list) -> list.add((ExecutionFact) fact, settings.recentExecutions()),
                Materialized.<String, RecentExecutions, KeyValueStore<Bytes, byte[]>>as(
                        RECENT_STORE)
                    .withKeySerde(strings)
                    .withValueSerde(JsonSerde.of(RecentExecutions.class)))
            .toStream()
            .map((key, list) -> KeyValue.pair(DashboardKeys.RECENT, list));
    KStream<String, DashboardEntry> workflows =
        facts
            .filter((key, fact) -> Facts.workflowIdOf(fact) != null)
            .groupBy(
                (key, fact) -> Facts.workflowIdOf(fact),
                Grouped.with("workflow-facts", strings, factSerde))
            .aggregate(
                WorkflowFigures::none,
                (workflowId, fact, figures) -> figures.add(workflowId, fact),
                Materialized.<String, WorkflowFigures, KeyValueStore<Bytes, byte[]>>as(
                        WORKFLOWS_STORE)
                    .withKeySerde(strings)
                    .withValueSerde(JsonSerde.of(WorkflowFigures.class)))
            .toStream()
            .map(
                (workflowId, figures) ->
                    KeyValue.pair(DashboardKeys.workflow(workflowId), figures));

    minutes
        .merge(days)
        .merge(totals)
        .merge(recent)
        .merge(workflows)
        .filter((key, entry) -> entry != null)
        .to(settings.dashboardTopic(), Produced.with(strings, entrySerde));

    return builder.globalTable(
        settings.dashboardTopic(),
        Consumed.with(strings, entrySerde),
        Materialized.<String, DashboardEntry, KeyValueStore<Bytes, byte[]>>as(DASHBOARD_STORE)
            .withKeySerde(strings)
            .withValueSerde(entrySerde));
  }

  private static KStream<String, Fact> executionFacts(StreamsBuilder builder) {
    return builder.stream(
            Topics.EXECUTION_EVENTS,
            Consumed.with(Serdes.String(), ContractSerdes.of(ExecutionProgressed.class))
                .withTimestampExtractor(new EventTime()))
        .filter((key, event) -> event != null && event.type() != null)
        .<Fact>mapValues(Facts::of)
        .filter((key, fact) -> fact != null);
  }

  private static KStream<String, Fact> aiCallFacts(StreamsBuilder builder) {
    return builder.stream(
            Topics.AI_USAGE,
            Consumed.with(Serdes.String(), ContractSerdes.of(AiCallRecorded.class))
                .withTimestampExtractor(new EventTime()))
        .filter((key, call) -> call != null)
        .mapValues(Facts::of);
  }

  private static KStream<String, Fact> workflowFacts(StreamsBuilder builder) {
    return builder.stream(
            Topics.WORKFLOW_EVENTS,
            Consumed.with(Serdes.String(), ContractSerdes.of(WorkflowChanged.class))
                .withTimestampExtractor(new EventTime()))
        .filter((key, change) -> change != null)
        .mapValues(Facts::of);
  }

  /**
   * Tumbling windows of {@code size}, kept for {@code retention}; a late fact still counts in its
   * own window as long as the window is kept (grace = retention − size).
   */
  private static KStream<String, DashboardEntry> windowed(
      KGroupedStream<String, Fact> all,
      Duration size,
      Duration retention,
      String storeName,
      Function<Instant, String> slot) {
    return all.windowedBy(TimeWindows.ofSizeAndGrace(size, retention.minus(size)))
        .aggregate(
            Figures::none,
            (key, fact, figures) -> figures.add(fact),
            Materialized.<String, Figures, WindowStore<Bytes, byte[]>>as(storeName)
                .withKeySerde(Serdes.String())
                .withValueSerde(JsonSerde.of(Figures.class))
                .withRetention(retention))
        .toStream()
        .filter((window, figures) -> figures != null)
        .map(
            (window, figures) ->
                KeyValue.pair(
                    slot.apply(window.window().startTime()),
                    new PeriodFigures(window.window().startTime(), figures)));
  }
}
