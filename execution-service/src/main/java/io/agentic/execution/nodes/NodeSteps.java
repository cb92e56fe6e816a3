package io.agentic.execution.nodes;

import io.agentic.contracts.workflow.NodeType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every {@link NodeStep} bean by node type. Should two serve one type, the first in bean order
 * ({@code @Order}) wins, so a test can put its own in front.
 */
@Component
class NodeSteps {

  private final Map<NodeType, NodeStep> byType = new EnumMap<>(NodeType.class);

  NodeSteps(ObjectProvider<NodeStep> steps) {
    steps.orderedStream().forEach(step -> byType.putIfAbsent(step.type(), step));
  }

  Optional<NodeStep> forType(NodeType type) {
    return Optional.ofNullable(type == null ? null : byType.get(type));
  }
}
