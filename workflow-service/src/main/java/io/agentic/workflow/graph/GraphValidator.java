package io.agentic.workflow.graph;

import io.agentic.contracts.workflow.NodeType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a workflow before it is saved and reports every broken rule at once: descriptive fields,
 * node ids, types and settings, edges, handles, cycles, and the expressions inside. Plain Java: no
 * Spring, no I/O.
 */
public final class GraphValidator {

  public static final Pattern NODE_ID = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]{0,63}$");
  public static final int MAX_NODES = 500;
  public static final int MAX_NAME = 200;
  public static final int MAX_DESCRIPTION = 2000;
  public static final int MAX_TAGS = 20;
  public static final int MAX_TAG = 50;
  static final int MAX_NODE_NAME = 200;
  static final int MAX_EDGE_ID = 128;
  static final long MAX_TIMEOUT_MS = NodeSchemas.HOUR_MS;
  static final long MAX_BACKOFF_MS = NodeSchemas.HOUR_MS;
  static final int MAX_ATTEMPTS = 10;

  private static final Set<String> ON_ERROR = Set.of("fail", "continue", "branch");
  private static final String TYPES =
      Arrays.stream(NodeType.values()).map(Enum::name).collect(Collectors.joining(", "));

  private final ExpressionChecker expressions;
  private final Map<NodeType, NodeSchema> schemas = NodeSchemas.all();

  public GraphValidator(ExpressionChecker expressions) {
    this.expressions = expressions;
  }

  /** Every violation, in the order of the document; empty when the workflow may be saved. */
  public List<Violation> validate(WorkflowDraft draft) {
    Violations out = new Violations();
    checkDescription(draft, out);
    List<Node> nodes = draft.nodes() == null ? List.of() : draft.nodes();
    List<Edge> edges = draft.edges() == null ? List.of() : draft.edges();
    if (nodes.size() > MAX_NODES) {
      out.add("nodes", "a workflow has at most " + MAX_NODES + " nodes, this one " + nodes.size());
    }
    Map<String, Integer> indexById = new HashMap<>();
    boolean hasInput = false;
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      String path = "nodes[" + i + "]";
      if (node == null) {
        out.add(path, "must be an object");
        continue;
      }
      checkNodeId(node, i, path, indexById, out);
      NodeType type = typeOf(node);
      if (node.type() == null) {
        out.add(path + ".type", label(node) + ": type is required");
      } else if (type == null) {
        out.add(
            path + ".type",
            label(node) + ": unknown type '" + node.type() + "' (known: " + TYPES + ")");
      }
      hasInput |= type == NodeType.INPUT;
      checkNodeSettings(node, path, out);
      if (type != null) {
        Map<String, Object> data = node.data() == null ? Map.of() : node.data();
        schemas.get(type).check(data, path + ".data", new DataCheck(out, expressions, label(node)));
      }
    }
    if (!hasInput) {
      out.add("nodes", "a workflow needs at least one INPUT node");
    }
    EdgeChecks.check(nodes, edges, indexById, out);
    return out.list();
  }

  /** Whether a report holds nothing but expressions that do not compile. */
  public static boolean onlyExpressionProblems(List<Violation> violations) {
    return !violations.isEmpty() && violations.stream().allMatch(Violation::expression);
  }

  static NodeType typeOf(Node node) {
    if (node == null || node.type() == null) {
      return null;
    }
    try {
      return NodeType.valueOf(node.type());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String label(Node node) {
    return node.id() == null ? "node without id" : "node '" + node.id() + "'";
  }

  private static void checkDescription(WorkflowDraft draft, Violations out) {
    if (draft.name() == null || draft.name().isBlank()) {
      out.add("name", "name is required");
    } else if (draft.name().length() > MAX_NAME) {
      out.add("name", "name must be at most " + MAX_NAME + " characters");
    }
    if (draft.description() != null && draft.description().length() > MAX_DESCRIPTION) {
      out.add("description", "description must be at most " + MAX_DESCRIPTION + " characters");
    }
    List<String> tags = draft.tags() == null ? List.of() : draft.tags();
    if (tags.size() > MAX_TAGS) {
      out.add("tags", "a workflow has at most " + MAX_TAGS + " tags");
    }
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      if (tag == null || tag.isBlank()) {
        out.add("tags[" + i + "]", "a tag must not be blank");
      } else if (tag.length() > MAX_TAG) {
        out.add("tags[" + i + "]", "a tag must be at most " + MAX_TAG + " characters");
      }
    }
  }

  private static void checkNodeId(
      Node node, int index, String path, Map<String, Integer> indexById, Violations out) {
    String id = node.id();
    if (id == null || id.isEmpty()) {
      out.add(path + ".id", "node id is required");
    } else if (!NODE_ID.matcher(id).matches()) {
      out.add(path + ".id", "node id '" + id + "' must match " + NODE_ID);
    } else if (indexById.putIfAbsent(id, index) != null) {
      out.add(
          path + ".id", "node id '" + id + "' is already used by nodes[" + indexById.get(id) + "]");
    }
  }

  private static void checkNodeSettings(Node node, String path, Violations out) {
    String label = label(node);
    if (node.name() != null && node.name().length() > MAX_NODE_NAME) {
      out.add(path + ".name", label + ": name must be at most " + MAX_NODE_NAME + " characters");
    }
    if (node.onError() != null && !ON_ERROR.contains(node.onError())) {
      out.add(path + ".onError", label + ": onError must be one of fail, continue, branch");
    }
    if (node.timeoutMs() != null && (node.timeoutMs() < 1 || node.timeoutMs() > MAX_TIMEOUT_MS)) {
      out.add(path + ".timeoutMs", label + ": timeoutMs must be between 1 and " + MAX_TIMEOUT_MS);
    }
    Retry retry = node.retry();
    if (retry != null) {
      Integer attempts = retry.maxAttempts();
      if (attempts == null) {
        out.add(path + ".retry.maxAttempts", label + ": retry.maxAttempts is required");
      } else if (attempts < 1 || attempts > MAX_ATTEMPTS) {
        out.add(
            path + ".retry.maxAttempts",
            label + ": retry.maxAttempts must be between 1 and " + MAX_ATTEMPTS);
      }
      Long backoff = retry.backoffMs();
      if (backoff == null) {
        out.add(path + ".retry.backoffMs", label + ": retry.backoffMs is required");
      } else if (backoff < 0 || backoff > MAX_BACKOFF_MS) {
        out.add(
            path + ".retry.backoffMs",
            label + ": retry.backoffMs must be between 0 and " + MAX_BACKOFF_MS);
      }
    }
  }
}
