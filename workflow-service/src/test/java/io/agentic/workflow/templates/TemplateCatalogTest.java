package io.agentic.workflow.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentic.contracts.workflow.NodeType;
import io.agentic.expression.Expressions;
import io.agentic.workflow.graph.CelExpressionChecker;
import io.agentic.workflow.graph.GraphValidator;
import io.agentic.workflow.graph.Node;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateCatalogTest {

  static final GraphValidator VALIDATOR =
      new GraphValidator(new CelExpressionChecker(Expressions.standard()));

  final TemplateCatalog catalog = new TemplateCatalog(VALIDATOR);

  @Test
  void offersAtLeastEightTemplatesThatAllPassTheSaveValidation() {
    assertThat(catalog.all()).hasSizeGreaterThanOrEqualTo(8);
    for (Template t : catalog.all()) {
      assertThat(VALIDATOR.validate(t.draft(t.name()))).as(t.id()).isEmpty();
      assertThat(t.inputs()).as(t.id()).isNotEmpty();
      assertThat(t.tags()).as(t.id()).isNotEmpty();
    }
  }

  @Test
  void coversEveryNodeType() {
    Set<NodeType> used = EnumSet.noneOf(NodeType.class);
    catalog.all().forEach(t -> used.addAll(t.nodeTypes()));

    assertThat(used).containsExactlyInAnyOrder(NodeType.values());
  }

  @Test
  void batchTemplateRunsOtherTemplatesByReference() {
    Template digest = catalog.find("newsletter-digest").orElseThrow();

    assertThat(digest.requires()).containsExactly("summarise-article", "long-document-summariser");
    assertThat(digest.nodeTypes()).contains(NodeType.LOOP, NodeType.SUB_WORKFLOW);
  }

  @Test
  void resolvesReferencesToTheIdsOfTheWorkflowsMadeFromThem() {
    Template digest = catalog.find("newsletter-digest").orElseThrow();

    List<Node> nodes =
        digest.nodesResolved(
            Map.of("summarise-article", "wf-child-1", "long-document-summariser", "wf-child-2"));

    assertThat(nodes)
        .filteredOn(n -> n.id().equals("each"))
        .singleElement()
        .satisfies(n -> assertThat(n.data()).containsEntry("workflowId", "wf-child-1"));
    assertThat(nodes)
        .filteredOn(n -> n.id().equals("digest"))
        .singleElement()
        .satisfies(n -> assertThat(n.data()).containsEntry("workflowId", "wf-child-2"));
    // the template itself is unchanged
    assertThat(digest.requires()).hasSize(2);
  }

  @Test
  void refusesToStartWithAnInvalidTemplateAndNamesEveryProblem() {
    assertThatThrownBy(() -> new TemplateCatalog("classpath*:templates-invalid/*.json", VALIDATOR))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("misnamed.json: not a readable template")
        .hasMessageContaining("broken-graph: nodes[1].type: node 'shell': unknown type 'SHELL'")
        .hasMessageContaining("cycle")
        .hasMessageContaining("input 'topic' is declared as integer but its INPUT node says string")
        .hasMessageContaining("input 'ghost' is not a field of its INPUT node")
        .hasMessageContaining("INPUT field 'extra' is not listed in inputs")
        .hasMessageContaining("node 'child' must name the workflow it runs as \"template:<id>\"")
        .hasMessageContaining("node 'each' runs unknown template 'missing'")
        .hasMessageContaining("templates run each other in a cycle: broken-graph -> broken-graph");
  }

  @Test
  void refusesToStartWithoutTemplates() {
    assertThatThrownBy(() -> new TemplateCatalog("classpath*:no-such-folder/*.json", VALIDATOR))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no templates found");
  }
}
