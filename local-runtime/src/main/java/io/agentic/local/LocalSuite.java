package io.agentic.local;

import io.agentic.local.services.AgenticService;
import io.agentic.local.services.RunningServices;
import io.agentic.local.services.ServiceFailedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The running suite: every service healthy, reachable through the gateway. Closing stops the
 * gateway, then the services, then Redis, MongoDB and Kafka; it is idempotent and safe from a
 * shutdown hook.
 */
public final class LocalSuite implements AutoCloseable {

  private final LocalSettings settings;
  private final RunningServices services;
  private final ShutdownSequence shutdown;
  private final Duration startupTime;
  private final String kafkaBootstrapServers;
  private final String mongoUri;
  private final String redisUrl;
  private final CountDownLatch closed = new CountDownLatch(1);

  LocalSuite(
      LocalSettings settings,
      RunningServices services,
      ShutdownSequence shutdown,
      Duration startupTime,
      String kafkaBootstrapServers,
      String mongoUri,
      String redisUrl) {
    this.settings = settings;
    this.services = services;
    this.shutdown = shutdown;
    this.startupTime = startupTime;
    this.kafkaBootstrapServers = kafkaBootstrapServers;
    this.mongoUri = mongoUri;
    this.redisUrl = redisUrl;
  }

  /** Where clients talk to the suite, e.g. {@code http://localhost:8080}. */
  public String gatewayUrl() {
    return services.url(AgenticService.GATEWAY);
  }

  /** A service's own base URL, e.g. {@code serviceUrl("auth-service")}. */
  public String serviceUrl(String serviceName) {
    return services.url(AgenticService.named(serviceName));
  }

  public String serviceUrl(AgenticService service) {
    return services.url(service);
  }

  public int port(AgenticService service) {
    return services.port(service);
  }

  public Path dataDir() {
    return settings.dataDir();
  }

  public LocalSettings settings() {
    return settings;
  }

  /** From {@link LocalMode#start} being called to every service answering healthy. */
  public Duration startupTime() {
    return startupTime;
  }

  public String kafkaBootstrapServers() {
    return kafkaBootstrapServers;
  }

  public String mongoUri() {
    return mongoUri;
  }

  public String redisUrl() {
    return redisUrl;
  }

  /**
   * Stops one service and starts it again on the same port while the others keep running; returns
   * once it answers healthy.
   *
   * @throws LocalStartupException if it does not come back (the rest keeps running)
   */
  public void restart(AgenticService service) {
    try {
      services.restart(service, LocalMode.SERVICES_TIMEOUT);
    } catch (ServiceFailedException e) {
      throw new LocalStartupException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalStartupException("interrupted while restarting " + service.serviceName(), e);
    }
  }

  /** Blocks until {@link #close()} has finished (from any thread). */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  @Override
  public void close() {
    try {
      shutdown.close();
    } finally {
      closed.countDown();
    }
  }
}
