package io.agentic.analytics.health;

import io.agentic.analytics.AnalyticsProperties;
import io.agentic.analytics.streams.StreamsState;
import io.agentic.platform.observability.ContextExecutors;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Checks every service's health, Kafka's, and MongoDB's and Redis's as the services report them.
 * All calls run at once with a short timeout; a report is reused for {@code health-cache-ttl} so
 * that dashboards polling many times a second cost the suite one check.
 */
@Component
public class SystemHealth {

  static final String HEALTHY = "healthy";
  static final String DEGRADED = "degraded";

  private final AnalyticsProperties properties;
  private final StreamsState streams;
  private final Admin admin;
  private final Clock clock;

  /** Probes and background refreshes run in the context (trace) of whoever asked for them. */
  private final ExecutorService executor =
      ContextExecutors.wrap(Executors.newVirtualThreadPerTaskExecutor());

  private final HttpClient client;
  private final ServiceProbe probe;
  private final ReentrantLock checking = new ReentrantLock();
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile HealthReport last;

  /**
   * The probes' client comes from Boot's builder, so that each probe is observed ({@code
   * http.client.requests}) and traced; the timeouts are the report's own.
   */
  SystemHealth(
      AnalyticsProperties properties,
      StreamsState streams,
      Admin admin,
      Clock clock,
      RestClient.Builder builder) {
    this.properties = properties;
    this.streams = streams;
    this.admin = admin;
    this.clock = clock;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(properties.healthTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
    requests.setReadTimeout(properties.healthTimeout());
    this.probe = new ServiceProbe(builder.clone().requestFactory(requests).build(), executor);
  }

  /** A report at most {@code health-cache-ttl} old, checking now if the last one is older. */
  public HealthReport current() {
    HealthReport report = last;
    if (fresh(report)) {
      return report;
    }
    checking.lock();
    try {
      if (!fresh(last)) {
        last = check();
      }
      return last;
    } finally {
      checking.unlock();
    }
  }

  /** The last report without waiting; a stale one is refreshed in the background. */
  public Optional<HealthReport> lastKnown() {
    HealthReport report = last;
    if (!fresh(report) && refreshing.compareAndSet(false, true)) {
      executor.execute(
          () -> {
            try {
              current();
            } finally {
              refreshing.set(false);
            }
          });
    }
    return Optional.ofNullable(report);
  }

  private boolean fresh(HealthReport report) {
    return report != null
        && Duration.between(report.checkedAt(), clock.instant())
                .compareTo(properties.healthCacheTtl())
            < 0;
  }

  private HealthReport check() {
    Map<String, CompletableFuture<ServiceProbe.Answer>> answers = new LinkedHashMap<>();
    properties.serviceUrls().forEach((name, url) -> answers.put(name, probe.probe(url)));
    HealthReport.Kafka kafka = kafka();
    Map<String, HealthReport.Service> services = new LinkedHashMap<>();
    answers.forEach(
        (name, future) -> {
          ServiceProbe.Answer answer = future.join();
          URI url = properties.serviceUrl(name);
          services.put(
              name, new HealthReport.Service(url.toString(), answer.status(), answer.latencyMs()));
        });
    boolean allUp =
        HealthReport.UP.equals(kafka.status())
            && services.values().stream().allMatch(s -> HealthReport.UP.equals(s.status()));
    return new HealthReport(
        allUp ? HEALTHY : DEGRADED,
        clock.instant(),
        services,
        kafka,
        dependency(answers, "mongo"),
        dependency(answers, "redis"));
  }

  private HealthReport.Kafka kafka() {
    KafkaStreams.State state = streams.state();
    Integer brokers = null;
    try {
      long timeout = properties.healthTimeout().toMillis();
      brokers =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout))
              .nodes()
              .get(timeout, TimeUnit.MILLISECONDS)
              .size();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // unreachable: reported as DOWN below
    }
    boolean up = brokers != null && brokers > 0 && state != null && state.isRunningOrRebalancing();
    return new HealthReport.Kafka(
        up ? HealthReport.UP : HealthReport.DOWN, state == null ? null : state.name(), brokers);
  }

  /**
   * A dependency is {@code DOWN} if any service reports it down, {@code UP} if some report it and
   * none down, {@code UNKNOWN} if no service shows it (health details are hidden by default).
   */
  private static HealthReport.Dependency dependency(
      Map<String, CompletableFuture<ServiceProbe.Answer>> answers, String component) {
    List<String> reportedBy = new ArrayList<>();
    boolean down = false;
    for (Map.Entry<String, CompletableFuture<ServiceProbe.Answer>> answer : answers.entrySet()) {
      String status = answer.getValue().join().components().get(component);
      if (status != null) {
        reportedBy.add(answer.getKey());
        down |= !HealthReport.UP.equals(status);
      }
    }
    String status =
        reportedBy.isEmpty() ? HealthReport.UNKNOWN : down ? HealthReport.DOWN : HealthReport.UP;
    return new HealthReport.Dependency(status, reportedBy);
  }

  @PreDestroy
  void close() {
    client.close();
    executor.shutdownNow();
  }
}
