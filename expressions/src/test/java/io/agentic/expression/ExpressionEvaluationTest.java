package io.agentic.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionEvaluationTest {

  private final Expressions expressions = Expressions.standard();

  private Object eval(String expression, Map<String, Object> inputs) {
    return expressions.evaluate(expression, EvaluationContext.ofInputs(inputs));
  }

  @Test
  void seesInputsNodesAndExecution() {
    // given
    var context =
        new EvaluationContext(
            Map.of("count", 41),
            Map.of("node-1", Map.of("text", "hi"), "fetch", Map.of("status", 200)),
            Map.of("id", "e-1", "workflowId", "w-1", "startedAt", "2025-01-01T00:00:00Z"));

    // when / then
    assertThat(expressions.evaluate("inputs.count + 1", context)).isEqualTo(42L);
    assertThat(expressions.evaluate("nodes[\"node-1\"].output.text", context)).isEqualTo("hi");
    assertThat(expressions.evaluate("nodes.fetch.output.status == 200", context)).isEqualTo(true);
    assertThat(expressions.evaluate("execution.workflowId + '/' + execution.id", context))
        .isEqualTo("w-1/e-1");
  }

  @Test
  void bareIdentifiersNameInputs() {
    assertThat(eval("topic", Map.of("topic", "AI"))).isEqualTo("AI");
    assertThat(eval("'About ' + topic + ' x' + string(count)", Map.of("topic", "AI", "count", 2)))
        .isEqualTo("About AI x2");
    assertThat(eval("items.filter(i, i > limit)", Map.of("items", List.of(1, 5, 9), "limit", 4)))
        .isEqualTo(List.of(5L, 9L));
  }

  @Test
  void everyBareNameIsAnInputEvenOneThatCelUsesForATypeName() {
    var inputs = Map.<String, Object>of("type", "invoice", "map", Map.of("k", 1), "n", 2);
    assertThat(eval("type + ':' + string(map.k)", inputs)).isEqualTo("invoice:1");
    assertThat(eval("type(n) == type(1)", inputs)).isEqualTo(true);
  }

  @Test
  void missingInputIsAnErrorNamingIt() {
    // when
    var thrown =
        catchThrowableOfType(
            ExpressionException.class, () -> eval("'About ' + topic", Map.of("other", 1)));

    // then
    assertThat(thrown.code()).isEqualTo(ExpressionException.ERROR);
    assertThat(thrown.expression()).isEqualTo("'About ' + topic");
    assertThat(thrown.getMessage()).contains("'About ' + topic").contains("no input named 'topic'");
  }

  @Test
  void missingInputInABranchNotTakenIsNoError() {
    assertThat(eval("has(inputs.topic) ? topic : 'none'", Map.of())).isEqualTo("none");
  }

  @Test
  void integersAndDoublesCompareWithEachOther() {
    var inputs = Map.<String, Object>of("count", 3, "price", 10.5, "big", BigInteger.TEN);
    assertThat(eval("inputs.count == 3.0", inputs)).isEqualTo(true);
    assertThat(eval("inputs.price > 10", inputs)).isEqualTo(true);
    assertThat(eval("inputs.count < inputs.price", inputs)).isEqualTo(true);
    assertThat(eval("inputs.big == 10", inputs)).isEqualTo(true);
    assertThat(eval("inputs.count", inputs)).isEqualTo(3L);
    assertThat(eval("inputs.price", inputs)).isEqualTo(10.5);
  }

  @Test
  void nullInJsonIsCelNull() {
    var inputs = new HashMap<String, Object>();
    inputs.put("nothing", null);
    assertThat(eval("inputs.nothing == null", inputs)).isEqualTo(true);
    assertThat(eval("nothing", inputs)).isNull();
  }

  @Test
  void standardExtensionsAreOn() {
    var none = Map.<String, Object>of();
    assertThat(eval("'abc'.upperAscii()", none)).isEqualTo("ABC");
    assertThat(eval("' a '.trim() + 'x,y'.split(',').join('-')", none)).isEqualTo("ax-y");
    assertThat(eval("math.greatest(1, 5, 3)", none)).isEqualTo(5L);
    assertThat(eval("math.least([2.5, 1])", none)).isEqualTo(1L);
    assertThat(eval("base64.encode(b'hi')", none)).isEqualTo("aGk=");
    assertThat(eval("base64.decode('aGk=') == b'hi'", none)).isEqualTo(true);
    assertThat(eval("[3, 1, 2].sort()", none)).isEqualTo(List.of(1L, 2L, 3L));
    assertThat(eval("[1, 1, 2].distinct()", none)).isEqualTo(List.of(1L, 2L));
    assertThat(eval("lists.range(3)", none)).isEqualTo(List.of(0L, 1L, 2L));
    assertThat(eval("[[1], [2, [3]]].flatten()", none)).isEqualTo(List.of(1L, 2L, List.of(3L)));
    assertThat(eval("[[1], [2, [3]]].flatten(2)", none)).isEqualTo(List.of(1L, 2L, 3L));
  }

  @Test
  void replaceBehavesLikeCelStringsExtension() {
    var none = Map.<String, Object>of();
    assertThat(eval("'a-b-c'.replace('-', '+')", none)).isEqualTo("a+b+c");
    assertThat(eval("'aaa'.replace('a', 'b', 2)", none)).isEqualTo("bba");
    assertThat(eval("'hello'.replace('', '_')", none)).isEqualTo("_h_e_l_l_o_");
    assertThat(eval("''.replace('', 'x')", none)).isEqualTo("x");
    assertThat(eval("'abc'.replace('b', 'b')", none)).isEqualTo("abc");
    assertThat(eval("'abc'.replace('b', 'x', 0)", none)).isEqualTo("abc");
    assertThat(eval("text.replace('o', '0')", Map.of("text", "foo"))).isEqualTo("f00");
  }

  @Test
  void resultsComeOutAsPlainJson() {
    var none = Map.<String, Object>of();
    assertThat(eval("{'a': [1, 2.5, true, null, 'x']}", none))
        .isEqualTo(Map.of("a", java.util.Arrays.asList(1L, 2.5, true, null, "x")));
    assertThat(eval("{1: 'one', true: 'yes'}", none)).isEqualTo(Map.of("1", "one", "true", "yes"));
    assertThat(eval("b'abc'", none)).isEqualTo("YWJj");
    assertThat(eval("timestamp('2024-01-01T10:00:00Z')", none)).isEqualTo("2024-01-01T10:00:00Z");
    assertThat(eval("duration('90s')", none)).isEqualTo("PT1M30S");
    assertThat(eval("7u", none)).isEqualTo(7L);
    assertThat(eval("18446744073709551615u", none)).isEqualTo(18446744073709551615.0);
    assertThat(eval("type(1)", none)).isEqualTo("int");
    assertThat(eval("inputs", Map.of("n", 1, "l", List.of(Map.of("k", 2)))))
        .isEqualTo(Map.of("n", 1L, "l", List.of(Map.of("k", 2L))));
  }

  @Test
  void runtimeErrorsSayWhatIsWrongInPlainWords() {
    var inputs = Map.<String, Object>of("zero", 0, "s", "text", "m", Map.of("a", 1));
    assertThat(failure("1 / inputs.zero", inputs)).contains("division by zero");
    assertThat(failure("inputs.nope", inputs)).contains("no such key 'nope'");
    assertThat(failure("inputs.m['b']", inputs)).contains("no such key 'b'");
    assertThat(failure("[1, 2][5]", inputs)).contains("index out of bounds");
    assertThat(failure("inputs.s + 1", inputs)).contains("'+' cannot be applied");
    assertThat(failure("int('x')", inputs)).contains("bad format");
    assertThat(failure("9223372036854775807 + inputs.m.a", inputs)).contains("out of range");
  }

  private String failure(String expression, Map<String, Object> inputs) {
    var thrown = catchThrowableOfType(ExpressionException.class, () -> eval(expression, inputs));
    assertThat(thrown.code()).isEqualTo(ExpressionException.ERROR);
    assertThat(thrown.getMessage())
        .startsWith("Expression \"" + expression + "\" failed: ")
        .doesNotContain("java.", "Exception", "_+_", "\n");
    return thrown.getMessage();
  }

  @Test
  void invalidExpressionIsRefusedBeforeEvaluation() {
    var thrown = catchThrowableOfType(ExpressionException.class, () -> eval("1 +", Map.of()));
    assertThat(thrown.code()).isEqualTo(ExpressionException.INVALID);
    assertThat(thrown.getMessage()).startsWith("Expression \"1 +\" is invalid: ");
  }
}
