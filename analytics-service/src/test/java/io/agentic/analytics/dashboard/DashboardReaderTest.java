package io.agentic.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.agentic.analytics.AnalyticsProperties;
import io.agentic.analytics.streams.StreamsState;
import io.agentic.analytics.topology.DashboardEntry;
import io.agentic.analytics.topology.DashboardTopology;
import io.agentic.analytics.topology.Figures;
import io.agentic.analytics.topology.PeriodFigures;
import io.agentic.analytics.topology.WorkflowFact;
import io.agentic.platform.problem.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

class DashboardReaderTest {

  private final AnalyticsProperties properties =
      new AnalyticsProperties(
          "t",
          Duration.ofHours(24),
          Duration.ofDays(35),
          Duration.ofHours(48),
          10,
          Duration.ofMinutes(15),
          null,
          Duration.ofSeconds(1),
          Duration.ofSeconds(5),
          Duration.ofSeconds(60),
          Duration.ofSeconds(1),
          Duration.ofSeconds(15),
          Duration.ofHours(1));
  private final KafkaStreamsInteractiveQueryService queries =
      mock(KafkaStreamsInteractiveQueryService.class);
  private final StreamsState streams = mock(StreamsState.class);
  private final DashboardReader reader = new DashboardReader(queries, streams, properties);

  @Test
  void answersWarmingUpUntilTheStreamsRun() {
    // given streams that have not reached RUNNING yet
    when(streams.queryable()).thenReturn(false);

    // when the figures are read
    ApiException e = catchThrowableOfType(ApiException.class, reader::totals);

    // then the answer is a 503 WARMING_UP with Retry-After
    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(e.code()).isEqualTo("WARMING_UP");
    assertThat(e.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
  }

  @Test
  void answersWarmingUpWhileTheStoreCannotBeQueried() {
    when(streams.queryable()).thenReturn(true);
    when(queries.retrieveQueryableStore(eq(DashboardTopology.DASHBOARD_STORE), any()))
        .thenThrow(new IllegalStateException("Error retrieving state store: dashboard"));

    ApiException e = catchThrowableOfType(ApiException.class, reader::recentExecutions);

    assertThat(e.code()).isEqualTo("WARMING_UP");
  }

  @Test
  @SuppressWarnings("unchecked")
  void answersWarmingUpWhenTheStoreClosesUnderARead() {
    ReadOnlyKeyValueStore<String, DashboardEntry> store = mock(ReadOnlyKeyValueStore.class);
    when(streams.queryable()).thenReturn(true);
    when(queries.retrieveQueryableStore(eq(DashboardTopology.DASHBOARD_STORE), any()))
        .thenReturn(store);
    when(store.get(any())).thenThrow(new InvalidStateStoreException("migrated"));

    ApiException e = catchThrowableOfType(ApiException.class, reader::totals);

    assertThat(e.code()).isEqualTo("WARMING_UP");
  }

  @Test
  @SuppressWarnings("unchecked")
  void ignoresASlotStillHoldingAnExpiredWindow() {
    // given the slot of 10:00 today still holding 10:00 yesterday
    Instant today = Instant.parse("2025-06-02T10:00:00Z");
    Instant yesterday = today.minus(Duration.ofDays(1));
    Figures old = Figures.none().add(new WorkflowFact("w1", yesterday, "wf", "created"));
    ReadOnlyKeyValueStore<String, DashboardEntry> store = mock(ReadOnlyKeyValueStore.class);
    when(streams.queryable()).thenReturn(true);
    when(queries.retrieveQueryableStore(eq(DashboardTopology.DASHBOARD_STORE), any()))
        .thenReturn(store);
    String slot = properties.topology().keys().minute(today);
    when(store.get(slot)).thenReturn(new PeriodFigures(yesterday, old));

    // when today's minutes are read
    List<PeriodFigures> minutes = reader.minutes(today, today.plusSeconds(120));

    // then 10:00 is empty (not yesterday's), and every minute is there
    assertThat(minutes)
        .extracting(PeriodFigures::start)
        .containsExactly(today, today.plusSeconds(60));
    assertThat(minutes.getFirst().figures()).isEqualTo(Figures.none());
    assertThat(reader.day(LocalDate.parse("2025-06-02"))).isEqualTo(Figures.none());
  }
}
