package io.agentic.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// @Timeout only guards the build against a hang if a limit were broken; it measures nothing.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExpressionLimitsTest {

  private final Expressions expressions = Expressions.standard();

  // The standard limits but a time budget no loaded build machine reaches, for tests about the
  // other limits.
  private static final Expressions PATIENT =
      Expressions.withLimits(new ExpressionLimits(4096, 64, 10_000, Duration.ofSeconds(30), 64));

  // Patient, and building at most 1 Mi characters and items instead of 32 Mi, so that the size
  // limits are reached quickly.
  private static final Expressions SMALL =
      Expressions.withLimits(
          new ExpressionLimits(4096, 64, 10_000, Duration.ofSeconds(30), 64), 1024 * 1024);

  private ExpressionException limitFailure(
      Expressions env, String expression, Map<String, Object> inputs) {
    var thrown =
        catchThrowableOfType(
            ExpressionException.class,
            () -> env.evaluate(expression, EvaluationContext.ofInputs(inputs)));
    assertThat(thrown).as("expected %s to fail", expression).isNotNull();
    assertThat(thrown.code()).isEqualTo(ExpressionException.LIMIT);
    return thrown;
  }

  private static List<Long> numbers(int count) {
    List<Long> list = new ArrayList<>(count);
    for (long i = 0; i < count; i++) {
      list.add(i);
    }
    return list;
  }

  @Test
  void refusesExpressionsLongerThan4096Characters() {
    String fiveKib = "1 + " + "'x' + ".repeat(852) + "'x'";
    assertThat(fiveKib.length()).isGreaterThan(5000);

    assertThat(expressions.check(fiveKib)).singleElement().asString().contains("over the limit");
    assertThat(limitFailure(expressions, fiveKib, Map.of()).getMessage())
        .contains("over the limit of 4096");
  }

  @Test
  void refusesDeepNestingWithoutOverflowingTheStack() {
    String parens = "(".repeat(500) + "1" + ")".repeat(500);
    String lists = "[".repeat(500) + "1" + "]".repeat(500);
    String chain = "1" + "+1".repeat(2000);
    String calls = "'a'" + ".trim()".repeat(500);

    for (String deep : List.of(parens, lists, chain, calls)) {
      assertThat(expressions.check(deep)).containsExactly("it is nested too deeply");
      assertThat(limitFailure(expressions, deep, Map.of()).getMessage())
          .contains("nested too deeply");
    }
  }

  @Test
  void stopsANestedComprehensionOverAMillionItems() {
    var inputs = Map.<String, Object>of("items", numbers(1_000_000));
    String nested = "items.map(x, items.map(y, x + y)).size()";

    // Whichever comes first, the iteration cap or the time budget, stops it.
    limitFailure(expressions, nested, inputs);
    assertThat(limitFailure(PATIENT, nested, inputs).getMessage())
        .contains("more than 10000 comprehension iterations");
  }

  @Test
  void iterationLimitCountsEveryComprehensionOfOneEvaluation() {
    assertThat(PATIENT.evaluate("lists.range(10000).map(i, i * 2).size()", null))
        .isEqualTo(10_000L);
    limitFailure(PATIENT, "lists.range(100).map(i, lists.range(100).map(j, j)).size()", Map.of());
  }

  @Test
  void stopsAnEvaluationThatRunsPastItsTimeBudget() {
    var generous =
        Expressions.withLimits(
            new ExpressionLimits(4096, 64, Integer.MAX_VALUE, Duration.ofMillis(50), 16));
    var inputs = Map.<String, Object>of("items", numbers(100_000));

    var thrown =
        limitFailure(generous, "items.map(x, items.filter(y, y == x).size()).size()", inputs);

    assertThat(thrown.getMessage()).contains("ran longer than 50 ms");
  }

  @Test
  void regexIsLinearEvenForCatastrophicPatterns() {
    var inputs = Map.<String, Object>of("s", "a".repeat(50_000) + "!");

    assertThat(PATIENT.evaluate("s.matches('(a+)+$')", EvaluationContext.ofInputs(inputs)))
        .isEqualTo(false);
    assertThat(PATIENT.evaluate("s.matches('^(a|aa)+!$')", EvaluationContext.ofInputs(inputs)))
        .isEqualTo(true);
  }

  @Test
  void stopsStringGrowthInsideAComprehension() {
    var inputs = Map.<String, Object>of("s", "x".repeat(100_000));

    var thrown = limitFailure(SMALL, "lists.range(1000).map(i, s + 'y').size()", inputs);

    assertThat(thrown.getMessage()).contains("built more than");
  }

  @Test
  void refusesFunctionsWhoseSingleResultWouldBeHuge() {
    var text = Map.<String, Object>of("s", "a".repeat(20_000));

    assertThat(limitFailure(PATIENT, "s.replace('a', s).size()", text).getMessage())
        .contains("replace() would build");
    assertThat(limitFailure(PATIENT, "lists.range(2000000000).size()", Map.of()).getMessage())
        .contains("lists.range(2000000000)");
  }

  @Test
  void chargesAListForEverythingItHoldsSoCopiesCannotExplode() {
    // A list holding the same large value many times is cheap to build in CEL, but printing or
    // copying it (join, flatten, an error message listing it, the JSON result) is not.
    var inputs =
        Map.<String, Object>of("s", "x".repeat(100_000), "l", numbers(10_000), "big", numbers(5));

    for (String expression :
        List.of(
            "lists.range(10000).map(i, s).join().size()",
            "lists.range(10000).map(i, s).slice(1, 0)",
            "lists.range(10000).map(i, l).flatten().size()",
            "[[s]].map(a, lists.range(5000).map(i, a)).size()")) {
      assertThat(limitFailure(SMALL, expression, inputs).getMessage())
          .as(expression)
          .contains("built more than");
    }
  }

  @Test
  void refusesAResultTooLargeToCopyOut() {
    var inputs = Map.<String, Object>of("s", "x".repeat(1_500_000));

    var thrown = limitFailure(SMALL, "s", inputs);

    assertThat(thrown.getMessage()).contains("result is larger than");
  }

  @Test
  void regexProgramsAreBounded() {
    var thrown =
        catchThrowableOfType(
            ExpressionException.class,
            () -> PATIENT.evaluate("'a'.matches('((a{100}){100}){100}')", null));

    assertThat(thrown.code()).isEqualTo(ExpressionException.LIMIT);
  }

  @Test
  void anInterruptedThreadStopsEvaluating() {
    Thread.currentThread().interrupt();
    try {
      limitFailure(expressions, "lists.range(10).map(i, i)", Map.of());
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
  }
}
