package io.agentic.workflow.graph;

import io.agentic.contracts.workflow.NodeType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules about edges: they join existing nodes, carry the handles their source allows, are not
 * repeated, and never close a cycle.
 */
final class EdgeChecks {

  private record Arc(int from, int to, int edgeIndex) {}

  private EdgeChecks() {}

  static void check(
      List<Node> nodes, List<Edge> edges, Map<String, Integer> indexById, Violations out) {
    List<Arc> arcs = new ArrayList<>();
    Set<String> edgeIds = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < edges.size(); j++) {
      Edge edge = edges.get(j);
      String path = "edges[" + j + "]";
      if (edge == null) {
        out.add(path, "must be an object");
        continue;
      }
      if (edge.id() != null) {
        if (edge.id().isBlank() || edge.id().length() > GraphValidator.MAX_EDGE_ID) {
          out.add(
              path + ".id", "edge id must be 1 to " + GraphValidator.MAX_EDGE_ID + " characters");
        } else if (!edgeIds.add(edge.id())) {
          out.add(path + ".id", "edge id '" + edge.id() + "' is used twice");
        }
      }
      Integer from = endpoint(edge.source(), path + ".source", indexById, out);
      Integer to = endpoint(edge.target(), path + ".target", indexById, out);
      if (from == null || to == null) {
        continue;
      }
      checkHandle(nodes.get(from), edge, path, out);
      String key = edge.source() + "\u0000" + edge.target() + "\u0000" + edge.sourceHandle();
      Integer earlier = seen.putIfAbsent(key, j);
      if (earlier != null) {
        out.add(path, "repeats edges[" + earlier + "]");
        continue;
      }
      arcs.add(new Arc(from, to, j));
    }
    // Past the node limit the save fails anyway; skipping keeps the recursion depth bounded.
    if (nodes.size() <= GraphValidator.MAX_NODES) {
      new Cycles(nodes, arcs, out).report();
    }
  }

  private static Integer endpoint(
      String id, String path, Map<String, Integer> indexById, Violations out) {
    if (id == null || id.isEmpty()) {
      out.add(path, "is required");
      return null;
    }
    Integer index = indexById.get(id);
    if (index == null) {
      out.add(path, "names no node: '" + id + "'");
    }
    return index;
  }

  private static void checkHandle(Node source, Edge edge, String path, Violations out) {
    String handle = edge.sourceHandle();
    String at = path + ".sourceHandle";
    if ("error".equals(handle)) {
      if (!"branch".equals(source.onError())) {
        out.add(
            at,
            "an \"error\" edge may leave only a node with onError \"branch\"; node '"
                + source.id()
                + "' has none");
      }
    } else if (GraphValidator.typeOf(source) == NodeType.CONDITION) {
      if (!"true".equals(handle) && !"false".equals(handle)) {
        out.add(
            at,
            "edges out of CONDITION '"
                + source.id()
                + "' must carry sourceHandle \"true\" or \"false\"");
      }
    } else if (handle != null) {
      out.add(
          at,
          "sourceHandle '"
              + handle
              + "' is not allowed out of node '"
              + source.id()
              + "' (only \"true\"/\"false\" out of a CONDITION, or \"error\")");
    }
  }

  /** Finds each strongly connected component that holds a cycle (Tarjan), one report apiece. */
  private static final class Cycles {

    private final List<Node> nodes;
    private final Violations out;
    private final List<List<Arc>> outgoing = new ArrayList<>();
    private final int[] order;
    private final int[] low;
    private final boolean[] onStack;
    private final Deque<Integer> stack = new ArrayDeque<>();
    private int counter = 1;

    Cycles(List<Node> nodes, List<Arc> arcs, Violations out) {
      this.nodes = nodes;
      this.out = out;
      for (int i = 0; i < nodes.size(); i++) {
        outgoing.add(new ArrayList<>());
      }
      arcs.forEach(a -> outgoing.get(a.from()).add(a));
      order = new int[nodes.size()];
      low = new int[nodes.size()];
      onStack = new boolean[nodes.size()];
    }

    void report() {
      for (int i = 0; i < nodes.size(); i++) {
        if (order[i] == 0) {
          visit(i);
        }
      }
    }

    // Recursion depth is bounded by the node limit.
    private void visit(int v) {
      order[v] = low[v] = counter++;
      stack.push(v);
      onStack[v] = true;
      for (Arc arc : outgoing.get(v)) {
        int w = arc.to();
        if (order[w] == 0) {
          visit(w);
          low[v] = Math.min(low[v], low[w]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], order[w]);
        }
      }
      if (low[v] == order[v]) {
        Set<Integer> component = new HashSet<>();
        int w;
        do {
          w = stack.pop();
          onStack[w] = false;
          component.add(w);
        } while (w != v);
        reportIfCyclic(component);
      }
    }

    private void reportIfCyclic(Set<Integer> component) {
      int start = component.stream().mapToInt(Integer::intValue).min().orElseThrow();
      List<Arc> path = pathBack(start, component);
      if (path == null) {
        return;
      }
      StringBuilder cycle = new StringBuilder(nodes.get(start).id());
      path.forEach(a -> cycle.append(" → ").append(nodes.get(a.to()).id()));
      Arc closing = path.getLast();
      out.add("edges[" + closing.edgeIndex() + "]", "closes a cycle: " + cycle);
    }

    /** The shortest walk from {@code start} back to itself inside the component, or null. */
    private List<Arc> pathBack(int start, Set<Integer> component) {
      Map<Integer, Arc> reachedBy = new HashMap<>();
      Deque<Integer> queue = new ArrayDeque<>();
      queue.add(start);
      while (!queue.isEmpty()) {
        int v = queue.poll();
        for (Arc arc : outgoing.get(v)) {
          if (!component.contains(arc.to())) {
            continue;
          }
          if (arc.to() == start) {
            List<Arc> path = new ArrayList<>();
            path.add(arc);
            for (int at = v; at != start; at = reachedBy.get(at).from()) {
              path.addFirst(reachedBy.get(at));
            }
            return path;
          }
          if (!reachedBy.containsKey(arc.to())) {
            reachedBy.put(arc.to(), arc);
            queue.add(arc.to());
          }
        }
      }
      return null;
    }
  }
}
