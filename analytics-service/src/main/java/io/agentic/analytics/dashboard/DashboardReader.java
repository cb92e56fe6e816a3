package io.agentic.analytics.dashboard;

import io.agentic.analytics.AnalyticsProperties;
import io.agentic.analytics.streams.StreamsState;
import io.agentic.analytics.topology.DashboardEntry;
import io.agentic.analytics.topology.DashboardKeys;
import io.agentic.analytics.topology.DashboardTopology;
import io.agentic.analytics.topology.Figures;
import io.agentic.analytics.topology.PeriodFigures;
import io.agentic.analytics.topology.RecentExecutions;
import io.agentic.analytics.topology.Totals;
import io.agentic.analytics.topology.WorkflowFigures;
import io.agentic.platform.problem.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Reads this instance's copy of the dashboard table (interactive queries on the global store).
 * Until the streams have started and loaded it, every read answers 503 {@code WARMING_UP} with
 * {@code Retry-After}.
 */
@Component
class DashboardReader {

  static final long RETRY_AFTER_SECONDS = 2;

  private final KafkaStreamsInteractiveQueryService queries;
  private final StreamsState streams;
  private final DashboardKeys keys;

  DashboardReader(
      KafkaStreamsInteractiveQueryService queries,
      StreamsState streams,
      AnalyticsProperties properties) {
    this.queries = queries;
    this.streams = streams;
    this.keys = properties.topology().keys();
  }

  Totals totals() {
    return get(DashboardKeys.TOTALS, Totals.class, Totals.none());
  }

  RecentExecutions recentExecutions() {
    return get(DashboardKeys.RECENT, RecentExecutions.class, RecentExecutions.none());
  }

  Figures day(LocalDate date) {
    PeriodFigures entry = get(keys.day(date), PeriodFigures.class, null);
    Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
    return entry != null && start.equals(entry.start()) ? entry.figures() : Figures.none();
  }

  /** The figures of every minute in {@code [from, to)}, oldest first, empty minutes included. */
  List<PeriodFigures> minutes(Instant from, Instant to) {
    ReadOnlyKeyValueStore<String, DashboardEntry> store = store();
    List<PeriodFigures> series = new ArrayList<>();
    for (Instant minute = from.truncatedTo(ChronoUnit.MINUTES);
        minute.isBefore(to);
        minute = minute.plus(1, ChronoUnit.MINUTES)) {
      String key = keys.minute(minute);
      DashboardEntry entry = read(() -> store.get(key));
      series.add(
          entry instanceof PeriodFigures p && p.start().equals(minute)
              ? p
              : new PeriodFigures(minute, Figures.none()));
    }
    return series;
  }

  List<WorkflowFigures> workflows() {
    ReadOnlyKeyValueStore<String, DashboardEntry> store = store();
    return read(
        () -> {
          List<WorkflowFigures> all = new ArrayList<>();
          try (KeyValueIterator<String, DashboardEntry> entries =
              store.prefixScan(DashboardKeys.WORKFLOW_PREFIX, new StringSerializer())) {
            while (entries.hasNext()) {
              KeyValue<String, DashboardEntry> next = entries.next();
              if (next.value instanceof WorkflowFigures figures) {
                all.add(figures);
              }
            }
          }
          return all;
        });
  }

  private <T extends DashboardEntry> T get(String key, Class<T> type, T absent) {
    ReadOnlyKeyValueStore<String, DashboardEntry> store = store();
    DashboardEntry entry = read(() -> store.get(key));
    return type.isInstance(entry) ? type.cast(entry) : absent;
  }

  private ReadOnlyKeyValueStore<String, DashboardEntry> store() {
    if (!streams.queryable()) {
      throw warmingUp();
    }
    try {
      return queries.retrieveQueryableStore(
          DashboardTopology.DASHBOARD_STORE, QueryableStoreTypes.keyValueStore());
    } catch (IllegalStateException | IllegalArgumentException | InvalidStateStoreException e) {
      throw warmingUp();
    }
  }

  /** A store can still close under a read (shutdown, a thread being replaced). */
  private static <T> T read(Supplier<T> query) {
    try {
      return query.get();
    } catch (InvalidStateStoreException e) {
      throw warmingUp();
    }
  }

  static ApiException warmingUp() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
    return new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "WARMING_UP",
        "The dashboard figures are still loading; try again shortly",
        List.of(),
        headers);
  }
}
