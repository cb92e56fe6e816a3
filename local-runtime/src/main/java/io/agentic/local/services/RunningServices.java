package io.agentic.local.services;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The six services, each in its own Spring context in this JVM, started side by side on a small
 * pool and closed gateway first. Safe to close from a shutdown hook while still starting: a context
 * that finishes starting after {@link #close()} is closed at once.
 */
public final class RunningServices implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RunningServices.class);

  /** The heaviest contexts first, so the pool's last task is a light one. */
  private static final List<AgenticService> START_ORDER =
      List.of(
          AgenticService.EXECUTION,
          AgenticService.GATEWAY,
          AgenticService.AUTH,
          AgenticService.WORKFLOW,
          AgenticService.AI_ROUTER,
          AgenticService.ANALYTICS);

  private static final String SPRING_CLOUD_LOGGING_RESET =
      "org.springframework.cloud.bootstrap.LoggingSystemShutdownListener";

  /** However late a context starts, it gets this long to report healthy. */
  private static final Duration HEALTH_GRACE = Duration.ofSeconds(10);

  private final ServicePlan plan;
  private final List<AgenticService> startOrder;
  private final Map<AgenticService, ConfigurableApplicationContext> contexts =
      new EnumMap<>(AgenticService.class);
  private boolean closed;

  public RunningServices(ServicePlan plan) {
    this(plan, EnumSet.allOf(AgenticService.class));
  }

  /** Only some of the services (one, in the multi-process mode's {@code --service}). */
  public RunningServices(ServicePlan plan, Set<AgenticService> services) {
    this.plan = plan;
    this.startOrder = START_ORDER.stream().filter(services::contains).toList();
  }

  /**
   * Starts every service and waits until each answers its health endpoint.
   *
   * @param threads how many contexts start at the same time
   * @param timeout how long the services may take, from now, to start and report healthy (one that
   *     finishes starting late still gets a few seconds to report healthy)
   * @throws ServiceFailedException for the first service that failed; the others are closed
   */
  public void start(int threads, Duration timeout) throws InterruptedException {
    AtomicReference<ServiceFailedException> failure = new AtomicReference<>();
    Instant deadline = Instant.now().plus(timeout);
    ExecutorService pool = Executors.newFixedThreadPool(threads, startThreads());
    try {
      Map<AgenticService, Future<?>> starts = new EnumMap<>(AgenticService.class);
      for (AgenticService service : startOrder) {
        starts.put(service, pool.submit(() -> startOne(service, failure, deadline)));
      }
      for (AgenticService service : startOrder) {
        awaitStarted(service, starts.get(service), deadline, timeout, failure);
      }
    } finally {
      pool.shutdownNow();
    }
    if (failure.get() != null) {
      close();
      throw failure.get();
    }
  }

  /**
   * Stops one service's context and starts it again, on the same port and configuration, waiting
   * until it answers healthy (a test's view of a service restarting while the others keep running).
   *
   * @throws ServiceFailedException if it does not come back within the timeout
   */
  public void restart(AgenticService service, Duration timeout) throws InterruptedException {
    ConfigurableApplicationContext old;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("local mode is closed");
      }
      old = contexts.remove(service);
    }
    AtomicReference<ServiceFailedException> failure = new AtomicReference<>();
    // On a thread of its own, as at start-up: closing and starting a context (Kafka Streams in
    // analytics-service) may leave the thread interrupted, which must not reach the caller.
    Thread restarting =
        Thread.ofPlatform()
            .name("restart-" + service.serviceName())
            .start(
                () -> {
                  if (old != null) {
                    closeQuietly(service, old);
                  }
                  startOne(service, failure, Instant.now().plus(timeout));
                });
    restarting.join();
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  private static void awaitStarted(
      AgenticService service,
      Future<?> start,
      Instant deadline,
      Duration timeout,
      AtomicReference<ServiceFailedException> failure)
      throws InterruptedException {
    try {
      start.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause()); // startOne reports its own failures
    } catch (TimeoutException e) {
      failure.compareAndSet(
          null,
          new ServiceFailedException(
              service, "did not start within " + timeout.toSeconds() + " s", null));
    }
  }

  /**
   * Starts one context and, on the same thread, waits for its health endpoint, so that the first
   * requests a service serves overlap with the others still starting.
   */
  private void startOne(
      AgenticService service, AtomicReference<ServiceFailedException> failure, Instant deadline) {
    if (failure.get() != null || isClosed()) {
      return; // another service already failed, or local mode is stopping: start nothing new
    }
    long began = System.nanoTime();
    try {
      SpringApplicationBuilder builder =
          service
              .newBuilder()
              .properties(ServiceProperties.fallbacks(service))
              .registerShutdownHook(false);
      withoutLoggingReset(builder.application());
      ConfigurableApplicationContext context = builder.run(arguments(service));
      log.debug(
          "{} started in {} ms", service.serviceName(), (System.nanoTime() - began) / 1_000_000);
      keep(service, context);
      new HealthProbe()
          .awaitHealthy(
              service,
              plan.url(service),
              max(deadline, Instant.now().plus(HEALTH_GRACE)),
              () -> failure.get() != null || isClosed());
    } catch (ServiceFailedException e) {
      failure.compareAndSet(null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, ServiceFailedException.failedToStart(service, e));
    } catch (Throwable e) {
      failure.compareAndSet(null, ServiceFailedException.failedToStart(service, e));
    }
  }

  /**
   * Spring Cloud's {@code LoggingSystemShutdownListener} (on the classpath for the gateway) resets
   * logging at every context start. Six contexts starting at once would reset it under each other's
   * feet; logging is set up once for the whole JVM instead.
   */
  private static void withoutLoggingReset(SpringApplication application) {
    application.setListeners(
        application.getListeners().stream()
            .filter(listener -> !listener.getClass().getName().equals(SPRING_CLOUD_LOGGING_RESET))
            .toList());
  }

  private String[] arguments(AgenticService service) {
    return ServiceProperties.of(service, plan).entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }

  private void keep(AgenticService service, ConfigurableApplicationContext context) {
    boolean closeNow;
    synchronized (this) {
      closeNow = closed;
      if (!closeNow) {
        contexts.put(service, context);
      }
    }
    if (closeNow) {
      closeQuietly(service, context);
    }
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  public String url(AgenticService service) {
    return plan.url(service);
  }

  public int port(AgenticService service) {
    return plan.port(service);
  }

  /** Closes the gateway first (no new requests come in), then the other services together. */
  @Override
  public void close() {
    Map<AgenticService, ConfigurableApplicationContext> toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = new EnumMap<>(contexts);
      contexts.clear();
    }
    ConfigurableApplicationContext gateway = toClose.remove(AgenticService.GATEWAY);
    if (gateway != null) {
      closeQuietly(AgenticService.GATEWAY, gateway);
    }
    List<Thread> closing = new ArrayList<>();
    toClose.forEach(
        (service, context) ->
            closing.add(
                Thread.ofPlatform()
                    .name("close-" + service.serviceName())
                    .start(() -> closeQuietly(service, context))));
    for (Thread thread : closing) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void closeQuietly(AgenticService service, ConfigurableApplicationContext context) {
    long began = System.nanoTime();
    try {
      context.close();
      log.debug(
          "{} stopped in {} ms", service.serviceName(), (System.nanoTime() - began) / 1_000_000);
    } catch (RuntimeException e) {
      log.warn("{} did not stop cleanly: {}", service.serviceName(), e.toString());
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static ThreadFactory startThreads() {
    return Thread.ofPlatform().name("start-", 1).daemon().factory();
  }
}
