package io.agentic.workflow.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentic.expression.Expressions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator with the real CEL environment: what compiles there is what executions run. */
class CelGraphValidationTest {

  private final CelExpressionChecker cel = new CelExpressionChecker(Expressions.standard());
  private final GraphValidator validator = new GraphValidator(cel);

  @Test
  void acceptsTheExpressionsAndTemplatesOfEveryNodeType() {
    assertThat(validator.validate(Fixtures.draft("every-node-type"))).isEmpty();
  }

  @Test
  void reportsExpressionsThatDoNotCompileAsExpressionProblemsNamingTheNode() {
    List<Violation> v = validator.validate(Fixtures.draft("bad-expressions"));

    assertThat(v)
        .extracting(Violation::field)
        .containsExactlyInAnyOrder(
            "nodes[1].data.expression",
            "nodes[2].data.prompt",
            "nodes[3].data.url",
            "nodes[4].data.value");
    assertThat(v).allMatch(Violation::expression);
    assertThat(v).allMatch(x -> x.message().startsWith("node '"));
  }

  @Test
  void reachesNodesWithDashesByIndexAndInputsByBareName() {
    assertThat(cel.check("nodes[\"node-1\"].output.text + topic")).isEmpty();
  }

  @Test
  void turnsUnbalancedTemplateBracesIntoTemplateSyntaxErrors() {
    assertThat(cel.templateExpressions("a {{ x }} b {{ y }}")).containsExactly("x", "y");
    assertThat(cel.templateExpressions("no templates")).isEmpty();
    assertThatThrownBy(() -> cel.templateExpressions("{{ x"))
        .isInstanceOf(TemplateSyntaxException.class);
  }
}
