package io.agentic.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionCheckTest {

  private final Expressions expressions = Expressions.standard();

  @Test
  void acceptsValidExpressionsWithoutEvaluatingThem() {
    assertThat(expressions.check("inputs.a > 1 && topic == 'x'")).isEmpty();
    assertThat(expressions.check("inputs.anything.deeper[0].more")).isEmpty();
    assertThat(expressions.check("nodes['node-1'].output.items.map(i, i.name)")).isEmpty();
    assertThat(expressions.check("execution.startedAt != ''")).isEmpty();
    assertThat(expressions.check("type(count) == type(1) ? count : 0")).isEmpty();
    assertThat(expressions.check("base64.encode(b'x') + math.greatest(1, 2).string()"))
        .hasSize(1); // string() is not a method in CEL: the checker says so, before any run
    assertThat(expressions.check("1 / 0")).isEmpty(); // fails only when evaluated
  }

  @Test
  void rejectsSyntaxErrorsSayingWhere() {
    assertThat(expressions.check("1 +")).containsExactly("unexpected end (at column 4)");
    assertThat(expressions.check("inputs.a +\n 'x' +"))
        .containsExactly("unexpected end (at line 2, column 7)");
    assertThat(expressions.check("1 == 'a'"))
        .containsExactly("no matching overload for '==' applied to '(int, string)' (at column 3)");
    assertThat(expressions.check("")).containsExactly("it is empty");
    assertThat(expressions.check(null)).containsExactly("it is empty");
  }

  // Reliability-security E1/E2: code-execution attempts from other expression languages. CEL has no
  // path to classes; these fail to parse or name functions that do not exist.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "this.constructor.constructor('return process')()",
        "T(java.lang.Runtime).getRuntime().exec('touch /tmp/pwn')",
        "new java.lang.ProcessBuilder('id').start()",
        "''.getClass().forName('java.lang.Runtime')",
        "java.lang.Runtime.getRuntime().exec('id')",
        "@environment",
        "#this.getClass()",
        "$eval('1+1')",
        "${7*7}",
        "#{7*7}",
        "`constructor`",
        "x['constructor']['constructor']('return process')()",
        "\\u0063onstructor",
        "size(x) == 1 || exec('id')",
        "process.mainModule.require('child_process').execSync('id')",
        "inputs.getClass()",
        "Runtime{}"
      })
  void rejectsAttackStrings(String attack) {
    // when
    var problems = expressions.check(attack);
    var thrown =
        catchThrowableOfType(
            ExpressionException.class,
            () -> expressions.evaluate(attack, EvaluationContext.ofInputs(Map.of("x", 1))));

    // then
    assertThat(problems).isNotEmpty();
    assertThat(thrown.code()).isEqualTo(ExpressionException.INVALID);
    assertThat(thrown.getMessage()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void dataLookupsWithSuspiciousNamesAreJustData() {
    // x['constructor'] reads a key; nothing in CEL resolves a member reflectively.
    var inputs = Map.<String, Object>of("x", Map.of("constructor", "plain"));
    assertThat(expressions.evaluate("x['constructor']", EvaluationContext.ofInputs(inputs)))
        .isEqualTo("plain");
    assertThat(expressions.evaluate("'con' + 'structor'", EvaluationContext.ofInputs(inputs)))
        .isEqualTo("constructor");
  }
}
