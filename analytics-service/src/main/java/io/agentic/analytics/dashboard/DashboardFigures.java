package io.agentic.analytics.dashboard;

import io.agentic.analytics.AnalyticsProperties;
import io.agentic.analytics.health.HealthReport;
import io.agentic.analytics.health.SystemHealth;
import io.agentic.analytics.topology.Figures;
import io.agentic.analytics.topology.PeriodFigures;
import io.agentic.analytics.topology.ProviderFigures;
import io.agentic.analytics.topology.Totals;
import io.agentic.analytics.topology.WorkflowFigures;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** Turns the dashboard table into what each endpoint answers. */
@Component
class DashboardFigures {

  private static final Comparator<WorkflowFigures> BY_EXECUTIONS =
      Comparator.comparingLong(WorkflowFigures::started)
          .reversed()
          .thenComparing(WorkflowFigures::workflowId);

  private final DashboardReader reader;
  private final SystemHealth health;
  private final AnalyticsProperties properties;
  private final Clock clock;

  DashboardFigures(
      DashboardReader reader, SystemHealth health, AnalyticsProperties properties, Clock clock) {
    this.reader = reader;
    this.health = health;
    this.properties = properties;
    this.clock = clock;
  }

  Overview overview() {
    Totals totals = reader.totals();
    Figures today = reader.day(today());
    Figures recent = recentFigures();
    Map<String, String> providerStatus = new LinkedHashMap<>();
    for (String provider : providerNames(totals, recent)) {
      providerStatus.put(provider, ProviderView.statusOf(providerFigures(recent, provider)));
    }
    return new Overview(
        health.lastKnown().map(HealthReport::status).orElse("unknown"),
        totals.active(),
        today.started(),
        Rounding.rate(today.successRate()),
        today.averageDurationMs(),
        providerStatus,
        reader.recentExecutions().items());
  }

  AiStatus aiStatus() {
    Totals totals = reader.totals();
    Figures today = reader.day(today());
    Figures recent = recentFigures();
    List<AiStatus.Provider> providers = new ArrayList<>();
    for (String provider : providerNames(totals, recent)) {
      ProviderFigures recentCalls = providerFigures(recent, provider);
      providers.add(
          new AiStatus.Provider(
              provider,
              ProviderView.statusOf(recentCalls),
              ProviderView.of(recentCalls),
              ProviderView.of(providerFigures(today, provider)),
              ProviderView.of(providerFigures(totals.figures(), provider))));
    }
    return new AiStatus(properties.providerWindow().toString(), providers);
  }

  /** Every workflow with figures, most executions first: page 0 is the top list. */
  PageView<WorkflowView> workflows(int page, int size) {
    PageView.checkPaging(page, size);
    List<WorkflowView> all =
        reader.workflows().stream().sorted(BY_EXECUTIONS).map(WorkflowView::of).toList();
    return PageView.of(all, page, size);
  }

  MetricsSeries metrics(MetricsRange range) {
    List<MetricsSeries.Minute> series = new ArrayList<>();
    for (PeriodFigures minute : reader.minutes(range.from(), range.to())) {
      Figures f = minute.figures();
      Map<String, ProviderView> providers = new LinkedHashMap<>();
      f.providers().forEach((name, calls) -> providers.put(name, ProviderView.of(calls)));
      series.add(
          new MetricsSeries.Minute(
              minute.start(),
              f.started(),
              f.completed(),
              f.failed(),
              f.cancelled(),
              f.durations().quantile(0.5),
              f.durations().quantile(0.95),
              providers));
    }
    return new MetricsSeries(range.from(), range.to(), series);
  }

  Instant now() {
    return clock.instant();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** The merged figures of the minutes in the provider window, the current minute included. */
  private Figures recentFigures() {
    Instant now = clock.instant();
    Figures merged = Figures.none();
    for (PeriodFigures minute : reader.minutes(now.minus(properties.providerWindow()), now)) {
      merged = merged.merge(minute.figures());
    }
    return merged;
  }

  private static TreeSet<String> providerNames(Totals totals, Figures recent) {
    TreeSet<String> names = new TreeSet<>(totals.figures().providers().keySet());
    names.addAll(recent.providers().keySet());
    return names;
  }

  private static ProviderFigures providerFigures(Figures figures, String provider) {
    return figures.providers().getOrDefault(provider, ProviderFigures.none());
  }
}
