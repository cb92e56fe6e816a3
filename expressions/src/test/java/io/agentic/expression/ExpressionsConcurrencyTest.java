package io.agentic.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ExpressionsConcurrencyTest {

  @Test
  void evaluatesCorrectlyFromManyThreadsAtOnce() throws Exception {
    // given: more distinct expressions than the cache holds, so threads also compile and evict
    var expressions =
        Expressions.withLimits(new ExpressionLimits(4096, 64, 10_000, Duration.ofSeconds(30), 8));
    List<Callable<Boolean>> tasks = new ArrayList<>();
    for (int thread = 0; thread < 8; thread++) {
      int seed = thread;
      tasks.add(
          () -> {
            for (int i = 0; i < 100; i++) {
              long n = seed * 1000L + i;
              String expression = "x * 2 + " + (i % 12);
              Object value =
                  expressions.evaluate(expression, EvaluationContext.ofInputs(Map.of("x", n)));
              if (!value.equals(n * 2 + i % 12)) {
                return false;
              }
              Object text =
                  expressions.resolveTemplate(
                      "{{ x }}-{{ [x].map(v, v + 1)[0] }}",
                      EvaluationContext.ofInputs(Map.of("x", n)));
              if (!text.equals(n + "-" + (n + 1))) {
                return false;
              }
            }
            return true;
          });
    }

    // when
    List<Boolean> results = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (Future<Boolean> result : pool.invokeAll(tasks)) {
        results.add(result.get());
      }
    }

    // then
    assertThat(results).hasSize(8).containsOnly(true);
    assertThat(expressions.cachedPrograms()).isLessThanOrEqualTo(8);
  }

  @Test
  void cachesCompiledProgramsByTextAndEvictsTheLeastRecentlyUsed() {
    var expressions =
        Expressions.withLimits(new ExpressionLimits(4096, 64, 10_000, Duration.ofSeconds(30), 2));
    int warmUpPrograms = expressions.cachedPrograms();

    expressions.check("1 + 1");
    expressions.check("2 + 2");
    expressions.evaluate("1 + 1", null); // uses the cached program, and marks it recently used
    expressions.check("3 + 3"); // evicts "2 + 2"

    assertThat(warmUpPrograms).isLessThanOrEqualTo(2);
    assertThat(expressions.cachedPrograms()).isEqualTo(2);
    assertThat(expressions.isCached("1 + 1")).isTrue();
    assertThat(expressions.isCached("3 + 3")).isTrue();
    assertThat(expressions.isCached("2 + 2")).isFalse();
  }
}
