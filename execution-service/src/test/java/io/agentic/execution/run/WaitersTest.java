package io.agentic.execution.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentic.execution.ExecutionProperties;
import io.agentic.execution.dispatch.ExecutionFinished;
import io.agentic.execution.engine.ExecutionStatus;
import io.agentic.platform.problem.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WaitersTest {

  private final Waiters waiters =
      new Waiters(
          new Binder(
                  new MapConfigurationPropertySource(
                      Map.of("agentic.execution.max-waiting-per-user", "2")))
              .bindOrCreate("agentic.execution", ExecutionProperties.class));

  @Test
  void wakesEveryWaiterOfAnExecutionWhenItEnds() throws InterruptedException {
    try (Waiters.Waiter a = waiters.register("e1");
        Waiters.Waiter b = waiters.register("e1");
        Waiters.Waiter other = waiters.register("e2")) {

      waiters.on(new ExecutionFinished("e1", ExecutionStatus.COMPLETED, null));

      assertThat(a.await(0)).isTrue();
      assertThat(b.await(0)).isTrue();
      assertThat(other.await(10)).isFalse();
    }
  }

  @Test
  void limitsWaitingRequestsPerUserUntilOneIsDone() {
    Waiters.Seat first = waiters.seat("u1");
    Waiters.Seat second = waiters.seat("u1");

    assertThatThrownBy(() -> waiters.seat("u1"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo("TOO_MANY_WAITING"));
    // another user is not affected
    waiters.seat("u2").close();

    first.close();
    first.close(); // giving a seat back twice frees one place only
    Waiters.Seat third = waiters.seat("u1");
    assertThatThrownBy(() -> waiters.seat("u1")).isInstanceOf(ApiException.class);
    third.close();
    second.close();
  }
}
