package io.agentic.workflow.store;

import io.agentic.workflow.graph.Edge;
import io.agentic.workflow.graph.Node;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Nodes and edges as one JSON string, the form in which documents store them. */
public final class GraphJson {

  /** A graph as stored. */
  public record Graph(List<Node> nodes, List<Edge> edges) {

    public Graph {
      nodes = nodes == null ? List.of() : nodes;
      edges = edges == null ? List.of() : edges;
    }
  }

  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private GraphJson() {}

  public static String write(List<Node> nodes, List<Edge> edges) {
    return MAPPER.writeValueAsString(new Graph(nodes, edges));
  }

  public static Graph read(String json) {
    return json == null ? new Graph(null, null) : MAPPER.readValue(json, Graph.class);
  }
}
