package io.agentic.platform.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the Kafka cluster answers ({@code describeCluster}) within a short timeout; health
 * contributor {@code kafka}, part of readiness. An answer is reused for a few seconds so frequent
 * probes stay cheap, and only one check runs at a time: concurrent probes wait for it.
 */
public class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

  private final Map<String, Object> config;
  private final int timeoutMs;
  private final long cacheNanos;
  private final ReentrantLock checking = new ReentrantLock();

  private Admin admin;
  private volatile Checked last;

  /**
   * @param clientConfig the client settings (bootstrap servers, security) of the service's {@code
   *     KafkaAdmin}
   */
  public KafkaHealthIndicator(
      Map<String, Object> clientConfig, Duration timeout, Duration cacheTtl) {
    this.timeoutMs = Math.toIntExact(Math.max(1, timeout.toMillis()));
    this.cacheNanos = cacheTtl.toNanos();
    Map<String, Object> config = new HashMap<>(clientConfig);
    // A generated client id: one per context, so six services in one JVM do not collide.
    config.remove(CommonClientConfigs.CLIENT_ID_CONFIG);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    this.config = Map.copyOf(config);
  }

  @Override
  public Health health() {
    Checked known = last;
    if (fresh(known)) {
      return known.health();
    }
    checking.lock();
    try {
      known = last;
      if (fresh(known)) {
        return known.health();
      }
      Health health = check();
      last = new Checked(health, System.nanoTime());
      return health;
    } finally {
      checking.unlock();
    }
  }

  private boolean fresh(Checked checked) {
    return checked != null && System.nanoTime() - checked.at() < cacheNanos;
  }

  private Health check() {
    try {
      DescribeClusterResult cluster =
          admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
      String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
      int nodes = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
      return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down(e).build();
    } catch (ExecutionException e) {
      return Health.down(e.getCause()).build();
    } catch (TimeoutException | RuntimeException e) {
      return Health.down(e).build();
    }
  }

  /** One long-lived client (guarded by {@code checking}), created on the first check. */
  private Admin admin() {
    if (admin == null) {
      admin = Admin.create(config);
    }
    return admin;
  }

  @Override
  public void destroy() {
    checking.lock();
    try {
      if (admin != null) {
        admin.close(Duration.ofSeconds(1));
        admin = null;
      }
    } finally {
      checking.unlock();
    }
  }

  private record Checked(Health health, long at) {}
}
