package io.agentic.workflow.graph;

import io.agentic.contracts.workflow.DatabaseOperators;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a DATABASE node that are MongoDB syntax: filters may use only the comparison,
 * logical, element and array operators (never server-side JavaScript such as {@code $where}), and
 * an update only update operators ({@link DatabaseOperators}, the list execution-service enforces
 * again when it runs).
 */
final class MongoOperators {

  private MongoOperators() {}

  static DataRule filter() {
    return (value, path, check) -> {
      if (value instanceof Map<?, ?>) {
        filterWithin(value, path, check);
      } else {
        check.fail(path, "must be an object");
      }
    };
  }

  private static void filterWithin(Object value, String path, DataCheck check) {
    switch (value) {
      case String s -> check.template(path, s);
      case Map<?, ?> map ->
          map.forEach(
              (k, v) -> {
                String key = String.valueOf(k);
                String at = DataCheck.child(path, key);
                if (key.startsWith("$") && !DatabaseOperators.FILTER.contains(key)) {
                  check.fail(at, "operator " + key + " is not allowed in a filter");
                } else {
                  filterWithin(v, at, check);
                }
              });
      case List<?> list -> {
        for (int i = 0; i < list.size(); i++) {
          filterWithin(list.get(i), DataCheck.element(path, i), check);
        }
      }
      case null, default -> {}
    }
  }

  static DataRule update() {
    DataRule inner = DataRule.object();
    return (value, path, check) -> {
      if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
        check.fail(path, "must be an object of update operators such as {\"$set\": {...}}");
        return;
      }
      map.forEach(
          (k, v) -> {
            String key = String.valueOf(k);
            String at = DataCheck.child(path, key);
            if (!DatabaseOperators.UPDATE.contains(key)) {
              check.fail(at, key + " is not an allowed update operator");
            } else {
              inner.check(v, at, check);
            }
          });
    };
  }

  /** Each operation takes only the fields it uses, and the ones it cannot do without. */
  static void fieldsFitOperation(Map<String, Object> data, String path, DataCheck check) {
    if (!(data.get("operation") instanceof String operation)) {
      return;
    }
    Set<String> allowed =
        switch (operation) {
          case "find" -> Set.of("filter", "limit");
          case "count" -> Set.of("filter");
          case "insertOne" -> Set.of("document");
          case "updateMany" -> Set.of("filter", "update");
          case "deleteMany" -> Set.of("filter");
          default -> null;
        };
    if (allowed == null) {
      return;
    }
    for (String field : List.of("filter", "document", "update", "limit")) {
      if (data.get(field) != null && !allowed.contains(field)) {
        check.fail(DataCheck.child(path, field), operation + " does not take " + field);
      }
    }
    String needed =
        switch (operation) {
          case "insertOne" -> "document";
          case "updateMany" -> "update";
          case "deleteMany" -> "filter";
          default -> null;
        };
    if (needed != null && data.get(needed) == null) {
      check.fail(DataCheck.child(path, needed), operation + " needs " + needed);
    }
  }
}
