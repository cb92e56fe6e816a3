package io.agentic.workflow.templates;

import io.agentic.contracts.workflow.NodeType;
import io.agentic.workflow.graph.Edge;
import io.agentic.workflow.graph.Node;
import io.agentic.workflow.graph.WorkflowDraft;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A ready workflow, as a file under {@code src/main/resources/templates/<id>.json}. A SUB_WORKFLOW
 * or LOOP node names the workflow it runs as {@code "workflowId": "template:<other template id>"}:
 * instantiating the template first instantiates each template it names, then puts the new
 * workflows' ids in their place.
 *
 * @param category what the template is for, e.g. {@code content}, {@code support}
 * @param inputs what an execution of the workflow takes, as its INPUT node declares it
 */
public record Template(
    String id,
    String name,
    String description,
    String category,
    List<String> tags,
    List<TemplateInput> inputs,
    List<Node> nodes,
    List<Edge> edges) {

  static final String REFERENCE = "template:";

  public Template {
    tags = tags == null ? List.of() : List.copyOf(tags);
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    nodes = nodes == null ? List.of() : nodes.stream().map(Node::normalized).toList();
    edges = edges == null ? List.of() : List.copyOf(edges);
  }

  /** The node types the graph uses, in the order of {@link NodeType}. */
  public List<NodeType> nodeTypes() {
    Set<NodeType> types = EnumSet.noneOf(NodeType.class);
    for (Node node : nodes) {
      types.add(NodeType.valueOf(node.type()));
    }
    return List.copyOf(types);
  }

  /** The ids of the templates this one runs as sub-workflows or loop bodies, each once. */
  public List<String> requires() {
    Set<String> ids = new LinkedHashSet<>();
    for (Node node : nodes) {
      if (childWorkflow(node) instanceof String ref && ref.startsWith(REFERENCE)) {
        ids.add(ref.substring(REFERENCE.length()));
      }
    }
    return List.copyOf(ids);
  }

  /** The workflow to validate: the graph with its references as they are. */
  WorkflowDraft draft(String workflowName) {
    return new WorkflowDraft(workflowName, description, tags, nodes, edges);
  }

  /** The nodes with each {@code template:<id>} replaced by the id of the workflow made from it. */
  List<Node> nodesResolved(Map<String, String> workflowIdByTemplate) {
    List<Node> resolved = new ArrayList<>(nodes.size());
    for (Node node : nodes) {
      if (childWorkflow(node) instanceof String ref && ref.startsWith(REFERENCE)) {
        Map<String, Object> data = new LinkedHashMap<>(node.data());
        data.put(
            "workflowId",
            Objects.requireNonNull(workflowIdByTemplate.get(ref.substring(REFERENCE.length()))));
        resolved.add(
            new Node(
                node.id(),
                node.type(),
                node.name(),
                node.position(),
                data,
                node.retry(),
                node.timeoutMs(),
                node.onError()));
      } else {
        resolved.add(node);
      }
    }
    return resolved;
  }

  /** The {@code workflowId} of a SUB_WORKFLOW or LOOP node, else null. */
  static Object childWorkflow(Node node) {
    boolean runsChild =
        NodeType.SUB_WORKFLOW.name().equals(node.type())
            || NodeType.LOOP.name().equals(node.type());
    return runsChild && node.data() != null ? node.data().get("workflowId") : null;
  }
}
