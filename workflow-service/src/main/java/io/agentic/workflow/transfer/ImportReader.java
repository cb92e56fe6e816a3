package io.agentic.workflow.transfer;

import io.agentic.platform.problem.ApiException;
import io.agentic.workflow.graph.Violation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an imported file strictly: every field it does not know is a violation, listed together
 * with the graph's own (a file is not trusted as a request from the editor is). Node {@code data}
 * is left to the node schemas, which reject unknown settings too.
 */
final class ImportReader {

  private static final Set<String> TOP =
      Set.of("formatVersion", "name", "description", "tags", "nodes", "edges");
  private static final Set<String> NODE =
      Set.of("id", "type", "name", "position", "data", "retry", "timeoutMs", "onError");
  private static final Set<String> EDGE = Set.of("id", "source", "target", "sourceHandle");
  private static final Map<String, Set<String>> NODE_PARTS =
      Map.of("position", Set.of("x", "y"), "retry", Set.of("maxAttempts", "backoffMs"));

  /** Unknown fields are collected above; here they would only repeat them. */
  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private ImportReader() {}

  /** The file, with the problems found so far in {@code violations}. */
  static PortableWorkflow read(JsonNode body, List<Violation> violations) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("VALIDATION_FAILED", "The body must be a workflow JSON object");
    }
    unknown(body, TOP, "", violations);
    eachObject(body.get("nodes"), "nodes", NODE, violations, NODE_PARTS);
    eachObject(body.get("edges"), "edges", EDGE, violations, Map.of());
    JsonNode version = body.get("formatVersion");
    if (version == null || version.isNull()) {
      violations.add(new Violation("formatVersion", "formatVersion is required (1)", false));
    } else if (!version.isIntegralNumber() || version.asInt() != PortableWorkflow.FORMAT_VERSION) {
      violations.add(
          new Violation(
              "formatVersion",
              "formatVersion " + version + " is not supported (this service reads 1)",
              false));
    }
    try {
      return MAPPER.treeToValue(body, PortableWorkflow.class);
    } catch (JacksonException e) {
      violations.add(new Violation(path(e), "has the wrong type or shape", false));
      return null;
    }
  }

  private static void eachObject(
      JsonNode list,
      String field,
      Set<String> known,
      List<Violation> violations,
      Map<String, Set<String>> parts) {
    if (list == null || !list.isArray()) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String at = field + "[" + i + "]";
      if (!item.isObject()) {
        continue;
      }
      unknown(item, known, at + ".", violations);
      parts.forEach(
          (name, partFields) -> {
            JsonNode part = item.get(name);
            if (part != null && part.isObject()) {
              unknown(part, partFields, at + "." + name + ".", violations);
            }
          });
    }
  }

  private static void unknown(
      JsonNode object, Set<String> known, String prefix, List<Violation> violations) {
    for (String name : object.propertyNames()) {
      if (!known.contains(name)) {
        violations.add(
            new Violation(
                prefix + name, "'" + name + "' is not a field of a workflow file", false));
      }
    }
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }
}
