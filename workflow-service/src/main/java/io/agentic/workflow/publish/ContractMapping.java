package io.agentic.workflow.publish;

import io.agentic.contracts.workflow.NodeType;
import io.agentic.contracts.workflow.OnError;
import io.agentic.contracts.workflow.RetryPolicy;
import io.agentic.contracts.workflow.WorkflowEdge;
import io.agentic.contracts.workflow.WorkflowNode;
import io.agentic.contracts.workflow.WorkflowVersionSaved;
import io.agentic.workflow.graph.Edge;
import io.agentic.workflow.graph.Node;
import io.agentic.workflow.store.GraphJson;
import io.agentic.workflow.store.WorkflowVersionDocument;
import java.util.Locale;
import java.util.Map;

/** The REST model of a validated graph, as the engine's contract records carry it. */
final class ContractMapping {

  private ContractMapping() {}

  static WorkflowVersionSaved versionSaved(WorkflowVersionDocument version, String ownerId) {
    GraphJson.Graph graph = GraphJson.read(version.graph());
    return new WorkflowVersionSaved(
        version.workflowId(),
        version.version(),
        version.name(),
        ownerId,
        graph.nodes().stream().map(ContractMapping::node).toList(),
        graph.edges().stream().map(ContractMapping::edge).toList(),
        version.savedBy(),
        version.savedAt());
  }

  static WorkflowNode node(Node node) {
    return new WorkflowNode(
        node.id(),
        NodeType.valueOf(node.type()),
        node.name(),
        node.data() == null ? Map.of() : node.data(),
        node.retry() == null
            ? null
            : new RetryPolicy(node.retry().maxAttempts(), node.retry().backoffMs()),
        node.timeoutMs(),
        node.onError() == null ? null : OnError.valueOf(node.onError().toUpperCase(Locale.ROOT)));
  }

  static WorkflowEdge edge(Edge edge) {
    return new WorkflowEdge(edge.id(), edge.source(), edge.target(), edge.sourceHandle());
  }
}
