package io.agentic.workflow.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields one node type's {@code data} may hold, which of them are required, the rule each value
 * passes, and a check across fields. A field not listed is an error.
 */
final class NodeSchema {

  /** A check that looks at several fields together (which fields an operation needs). */
  @FunctionalInterface
  interface CrossCheck {
    void check(Map<String, Object> data, String path, DataCheck check);
  }

  private record Field(boolean required, DataRule rule) {}

  private final Map<String, Field> fields = new LinkedHashMap<>();
  private CrossCheck cross = (data, path, check) -> {};

  NodeSchema required(String name, DataRule rule) {
    fields.put(name, new Field(true, rule));
    return this;
  }

  NodeSchema optional(String name, DataRule rule) {
    fields.put(name, new Field(false, rule));
    return this;
  }

  NodeSchema across(CrossCheck cross) {
    this.cross = cross;
    return this;
  }

  Set<String> fieldNames() {
    return fields.keySet();
  }

  void check(Map<String, Object> data, String path, DataCheck check) {
    fields.forEach(
        (name, field) -> {
          if (field.required() && data.get(name) == null) {
            check.fail(DataCheck.child(path, name), name + " is required");
          }
        });
    String known = String.join(", ", fields.keySet());
    data.forEach(
        (name, value) -> {
          Field field = fields.get(name);
          String at = DataCheck.child(path, name);
          if (field == null) {
            check.fail(
                at,
                "'"
                    + name
                    + "' is not a known field"
                    + (known.isEmpty() ? " (this type takes none)" : " (known: " + known + ")"));
          } else if (value != null) {
            field.rule().check(value, at, check);
          }
        });
    cross.check(data, path, check);
  }
}
