package io.agentic.workflow.templates;

import io.agentic.contracts.workflow.NodeType;
import io.agentic.workflow.graph.Edge;
import io.agentic.workflow.graph.Node;
import java.util.List;

/** Templates as {@code /api/templates} answers them. */
final class TemplateViews {

  private TemplateViews() {}

  /** One entry of the list: what the template does and what it needs, without its graph. */
  record Summary(
      String id,
      String name,
      String description,
      List<String> tags,
      String category,
      List<NodeType> nodeTypes,
      List<TemplateInput> inputs) {

    static Summary of(Template t) {
      return new Summary(
          t.id(), t.name(), t.description(), t.tags(), t.category(), t.nodeTypes(), t.inputs());
    }
  }

  /**
   * One template with its graph. {@code requires} lists the templates it runs as sub-workflows or
   * loop bodies; instantiating it creates those first.
   */
  record Detail(
      String id,
      String name,
      String description,
      List<String> tags,
      String category,
      List<NodeType> nodeTypes,
      List<TemplateInput> inputs,
      List<String> requires,
      List<Node> nodes,
      List<Edge> edges) {

    static Detail of(Template t) {
      return new Detail(
          t.id(),
          t.name(),
          t.description(),
          t.tags(),
          t.category(),
          t.nodeTypes(),
          t.inputs(),
          t.requires(),
          t.nodes(),
          t.edges());
    }
  }

  /** The optional body of {@code POST /api/templates/{id}/instantiate}. */
  record InstantiateRequest(String name) {}
}
