package io.agentic.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateResolutionTest {

  private final Expressions expressions = Expressions.standard();

  private final EvaluationContext context =
      new EvaluationContext(
          Map.of("count", 3, "name", "Ada", "tags", List.of("a", "b"), "map", Map.of("k", 1)),
          Map.of("ai", Map.of("text", "hello")),
          Map.of("id", "e-1"));

  @Test
  void aTemplateThatIsOneExpressionKeepsTheValueType() {
    assertThat(expressions.resolveTemplate("{{ count }}", context)).isEqualTo(3L);
    assertThat(expressions.resolveTemplate("  {{inputs.count * 2}} \n", context)).isEqualTo(6L);
    assertThat(expressions.resolveTemplate("{{ tags }}", context)).isEqualTo(List.of("a", "b"));
    assertThat(expressions.resolveTemplate("{{ count > 2 }}", context)).isEqualTo(true);
    assertThat(expressions.resolveTemplate("{{ {'a': {'b': count}} }}", context))
        .isEqualTo(Map.of("a", Map.of("b", 3L)));
  }

  @Test
  void otherTemplatesInterpolateText() {
    assertThat(expressions.resolveTemplate("Hello {{ name }}!", context)).isEqualTo("Hello Ada!");
    assertThat(
            expressions.resolveTemplate(
                "n={{count}} tags={{ tags }} map={{ map }} ai={{ nodes.ai.output.text }}", context))
        .isEqualTo("n=3 tags=[\"a\",\"b\"] map={\"k\":1} ai=hello");
    assertThat(expressions.resolveTemplate("{{ name }}{{ name }}", context)).isEqualTo("AdaAda");
    assertThat(expressions.resolveTemplate("q: {{ 'say \"hi\"\\n' }}", context))
        .isEqualTo("q: say \"hi\"\n");
    assertThat(expressions.resolveTemplate("x{{ [1.5, null, 'a\"b'] }}", context))
        .isEqualTo("x[1.5,null,\"a\\\"b\"]");
  }

  @Test
  void aStringWithoutTemplatesIsReturnedUnchanged() {
    String plain = "no templates here, not even } or }} or {";
    assertThat(expressions.resolveTemplate(plain, context)).isSameAs(plain);
    assertThat(expressions.resolveTemplate(null, context)).isNull();
  }

  // Reliability-security E3: values that arrive as data are literal text, never evaluated.
  @ParameterizedTest
  @ValueSource(strings = {"{{ 1+1 }}", "${7*7}", "#{7*7}", "size([1])", "{{ inputs }}"})
  void dataIsNeverEvaluated(String payload) {
    // given
    var data =
        new EvaluationContext(
            Map.of("payload", payload), Map.of("webhook", Map.of("body", payload)), Map.of());

    // when / then
    assertThat(expressions.resolveTemplate("{{ payload }}", data)).isEqualTo(payload);
    assertThat(expressions.resolveTemplate("got {{ payload }}", data)).isEqualTo("got " + payload);
    assertThat(expressions.evaluate("nodes.webhook.output.body", data)).isEqualTo(payload);
    assertThat(expressions.resolveTree(Map.of("b", List.of("{{ payload }}")), data))
        .isEqualTo(Map.of("b", List.of(payload)));
  }

  @Test
  void resolveTreeSubstitutesByValue() {
    // given: an input crafted to break out of a JSON string if it were spliced in as text
    var inputs = new HashMap<String, Object>();
    inputs.put("minAge", 18);
    inputs.put("tags", List.of("x", "y"));
    inputs.put("name", "\"}, {\"$where\": \"sleep(1000)\"");
    var tree = new HashMap<String, Object>();
    tree.put("filter", Map.of("age", Map.of("$gt", "{{ minAge }}"), "name", "{{ name }}"));
    tree.put("list", List.of("{{ inputs.tags }}", "age {{ minAge }}", 7, true));
    tree.put("{{ name }}", "keys are not templates");
    tree.put("none", null);

    // when
    Object resolved = expressions.resolveTree(tree, EvaluationContext.ofInputs(inputs));

    // then
    var expected = new HashMap<String, Object>();
    expected.put(
        "filter", Map.of("age", Map.of("$gt", 18L), "name", "\"}, {\"$where\": \"sleep(1000)\""));
    expected.put("list", Arrays.asList(List.of("x", "y"), "age 18", 7, true));
    expected.put("{{ name }}", "keys are not templates");
    expected.put("none", null);
    assertThat(resolved).isEqualTo(expected);
    assertThat(tree.get("filter"))
        .isEqualTo(
            Map.of("age", Map.of("$gt", "{{ minAge }}"), "name", "{{ name }}")); // input untouched
  }

  @Test
  void templateExpressionsListsWhatSaveTimeChecksMustCheck() {
    assertThat(Expressions.templateExpressions("Hello {{ name }}, you are {{ inputs.age + 1 }}"))
        .containsExactly("name", "inputs.age + 1");
    assertThat(Expressions.templateExpressions("{{ {'a': {'b': 1}} }}"))
        .containsExactly("{'a': {'b': 1}}");
    assertThat(Expressions.templateExpressions("{{ 'a }}' + \"}}\" }} tail"))
        .containsExactly("'a }}' + \"}}\"");
    assertThat(Expressions.templateExpressions("plain text }} with stray braces {")).isEmpty();
    assertThat(Expressions.templateExpressions(null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Hello {{ name", "{{ }}", "a {{ 'unterminated }}", "{{ x }} and {{"})
  void unbalancedOrEmptyTemplatesAreInvalid(String template) {
    var thrown =
        catchThrowableOfType(
            ExpressionException.class, () -> Expressions.templateExpressions(template));
    var thrownOnResolve =
        catchThrowableOfType(
            ExpressionException.class, () -> expressions.resolveTemplate(template, context));

    assertThat(thrown.code()).isEqualTo(ExpressionException.INVALID);
    assertThat(thrown.getMessage()).contains("{{");
    assertThat(thrownOnResolve.code()).isEqualTo(ExpressionException.INVALID);
  }

  @Test
  void aFailingExpressionInATemplateNamesThatExpression() {
    var thrown =
        catchThrowableOfType(
            ExpressionException.class,
            () -> expressions.resolveTemplate("Hi {{ name }}, {{ missing + 1 }}", context));

    assertThat(thrown.code()).isEqualTo(ExpressionException.ERROR);
    assertThat(thrown.expression()).isEqualTo("missing + 1");
    assertThat(thrown.getMessage()).contains("no input named 'missing'");
  }
}
