package io.agentic.airouter.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.agentic.airouter.TestConfig;
import io.agentic.airouter.provider.ProviderException;
import io.agentic.airouter.provider.ProviderException.Kind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProviderGuardsTest {

  final CountDownLatch release = new CountDownLatch(1);
  final List<String> observed = new CopyOnWriteArrayList<>();
  final AttemptObserver<String> observer =
      new AttemptObserver<>() {
        @Override
        public void succeeded(String answer, Duration latency) {
          observed.add("ok");
        }

        @Override
        public void failed(ProviderException failure, Duration latency) {
          observed.add(failure.kind().name());
        }
      };
  ProviderGuards guards;

  @AfterEach
  void stop() {
    release.countDown();
    guards.close();
  }

  ProviderGuards guards(TestConfig config) {
    guards = new ProviderGuards(config.build(), Clock.systemUTC());
    return guards;
  }

  Deadline seconds(int seconds) {
    return Deadline.after(Duration.ofSeconds(seconds), Clock.systemUTC());
  }

  @Test
  void retriesRetryableFailuresUpToTheLimitAndTellsTheObserverOfEach() {
    AtomicInteger calls = new AtomicInteger();
    guards(TestConfig.create().maxAttempts(3));

    assertThatThrownBy(
            () ->
                guards.call(
                    "p",
                    seconds(5),
                    () -> {
                      calls.incrementAndGet();
                      throw new ProviderException(Kind.SERVER_ERROR, 502, "502 server error");
                    },
                    observer))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(e -> assertThat(e.retryable()).isFalse());
    assertThat(calls).hasValue(3);
    assertThat(observed).containsExactly("SERVER_ERROR", "SERVER_ERROR", "SERVER_ERROR");
  }

  @Test
  void aSuccessAfterARetryIsReturned() {
    AtomicInteger calls = new AtomicInteger();
    guards(TestConfig.create());

    String answer =
        guards.call(
            "p",
            seconds(5),
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new ProviderException(Kind.CONNECTION, 0, "connection error");
              }
              return "answer";
            },
            observer);

    assertThat(answer).isEqualTo("answer");
    assertThat(observed).containsExactly("CONNECTION", "ok");
  }

  @Test
  void theCallTimeoutCutsAHangingCallAndCountsAgainstTheProvider() {
    guards(
        TestConfig.create()
            .callTimeout(Duration.ofMillis(200))
            .breaker(1, 1, Duration.ofMinutes(1), 1));

    assertThatThrownBy(() -> guards.call("p", seconds(5), this::hang, observer))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
    assertThat(guards.breaker("p").getState()).isEqualTo(State.OPEN);
  }

  @Test
  void theStepDeadlineCutsShorterWithoutBlamingTheProvider() {
    guards(TestConfig.create().breaker(1, 1, Duration.ofMinutes(1), 1));
    Deadline soon = Deadline.after(Duration.ofMillis(300), Clock.systemUTC());

    long start = System.nanoTime();
    assertThatThrownBy(() -> guards.call("p", soon, this::hang, observer))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.DEADLINE));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(guards.breaker("p").getState()).isEqualTo(State.CLOSED);
  }

  @Test
  void theBulkheadRefusesCallsBeyondItsLimitWithoutCallingTheProvider() throws Exception {
    guards(TestConfig.create().maxConcurrentCalls(1));
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<String> first =
          executor.submit(
              () ->
                  guards.call(
                      "p",
                      seconds(5),
                      () -> {
                        calls.incrementAndGet();
                        started.countDown();
                        release.await(5, TimeUnit.SECONDS);
                        return "first";
                      },
                      observer));
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(
              () ->
                  guards.call("p", seconds(5), () -> "second " + calls.incrementAndGet(), observer))
          .asInstanceOf(type(ProviderException.class))
          .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.BUSY));
      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    }
    assertThat(calls).hasValue(1);
    assertThat(guards.call("p", seconds(5), () -> "free again", observer)).isEqualTo("free again");
  }

  @Test
  void aRefusedKeyOpensTheCircuitAndATestCallClosesIt() {
    guards(TestConfig.create());

    guards.markUnauthorized("p");
    assertThatThrownBy(() -> guards.call("p", seconds(5), () -> "x", observer))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.CIRCUIT_OPEN));
    assertThat(observed).isEmpty();

    assertThat(guards.callOnce("p", seconds(5), () -> "fixed", observer)).isEqualTo("fixed");
    assertThat(guards.breaker("p").getState()).isEqualTo(State.CLOSED);
  }

  @Test
  void failuresThatAreNotTheProvidersFaultDoNotOpenTheCircuit() {
    guards(TestConfig.create().breaker(1, 1, Duration.ofMinutes(1), 1));

    for (Kind kind : List.of(Kind.REJECTED, Kind.INVALID_JSON, Kind.UNAUTHORIZED)) {
      assertThatThrownBy(
              () ->
                  guards.call(
                      "p",
                      seconds(5),
                      () -> {
                        throw new ProviderException(kind, 400, "no");
                      },
                      observer))
          .isInstanceOf(ProviderException.class);
    }
    assertThat(guards.breaker("p").getState()).isEqualTo(State.CLOSED);
    assertThat(observed).containsExactly("REJECTED", "INVALID_JSON", "UNAUTHORIZED");
  }

  private String hang() throws InterruptedException {
    release.await(1, TimeUnit.MINUTES);
    return "too late";
  }
}
