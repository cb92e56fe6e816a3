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
    try (Waiters.Waiter a = waiters.register("e1", "u1");
        Waiters.Waiter b = waiters.register("e1", "u2");
        Waiters.Waiter other = waiters.register("e2", "u3")) {

      waiters.on(new ExecutionFinished("e1", ExecutionStatus.COMPLETED));

      assertThat(a.await(0)).isTrue();
      assertThat(b.await(0)).isTrue();
      assertThat(other.await(10)).isFalse();
    }
  }

  @Test
  void limitsWaitingRequestsPerUserUntilOneIsDone() {
    Waiters.Waiter first = waiters.register("e1", "u1");
    Waiters.Waiter second = waiters.register("e2", "u1");

    assertThatThrownBy(() -> waiters.register("e3", "u1"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo("TOO_MANY_WAITING"));

    first.close();
    waiters.register("e3", "u1").close();
    second.close();
  }
}
