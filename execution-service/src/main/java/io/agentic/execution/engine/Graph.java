package io.agentic.execution.engine;

import io.agentic.contracts.workflow.WorkflowEdge;
import io.agentic.contracts.workflow.WorkflowNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A workflow version's nodes and edges, indexed for walking. */
final class Graph {

  private final Map<String, WorkflowNode> nodes = new LinkedHashMap<>();
  private final Map<String, List<WorkflowEdge>> in = new HashMap<>();
  private final Map<String, List<WorkflowEdge>> out = new HashMap<>();
  private final List<WorkflowNode> order;

  Graph(List<WorkflowNode> nodeList, List<WorkflowEdge> edges) {
    nodeList.forEach(n -> nodes.put(n.id(), n));
    for (WorkflowEdge e : edges) {
      // Saved graphs are validated; an edge naming an unknown node is ignored rather than trusted.
      if (nodes.containsKey(e.source()) && nodes.containsKey(e.target())) {
        out.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
        in.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e);
      }
    }
    order = topologicalOrder();
  }

  WorkflowNode node(String id) {
    return nodes.get(id);
  }

  Collection<WorkflowNode> nodes() {
    return nodes.values();
  }

  List<WorkflowEdge> in(String id) {
    return in.getOrDefault(id, List.of());
  }

  List<WorkflowEdge> out(String id) {
    return out.getOrDefault(id, List.of());
  }

  /** Every node after its predecessors; nodes on a cycle (never saved) come last, as declared. */
  List<WorkflowNode> order() {
    return order;
  }

  /** {@code roots} and every node reachable from them. */
  Set<String> withDescendants(Collection<String> roots) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (seen.add(id)) {
        out(id).forEach(e -> todo.push(e.target()));
      }
    }
    return seen;
  }

  private List<WorkflowNode> topologicalOrder() {
    Map<String, Integer> indegree = new HashMap<>();
    nodes.keySet().forEach(id -> indegree.put(id, in(id).size()));
    Deque<String> ready = new ArrayDeque<>();
    nodes.keySet().stream().filter(id -> indegree.get(id) == 0).forEach(ready::add);
    Set<String> placed = new LinkedHashSet<>();
    while (!ready.isEmpty()) {
      String id = ready.poll();
      placed.add(id);
      for (WorkflowEdge e : out(id)) {
        if (indegree.merge(e.target(), -1, Integer::sum) == 0) {
          ready.add(e.target());
        }
      }
    }
    List<WorkflowNode> result = new ArrayList<>();
    placed.forEach(id -> result.add(nodes.get(id)));
    nodes.values().stream().filter(n -> !placed.contains(n.id())).forEach(result::add);
    return List.copyOf(result);
  }
}
