package io.agentic.execution.nodes.database;

import io.agentic.contracts.workflow.DatabaseOperators;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run-time operator allow-list of DATABASE nodes. Templates are resolved by value before a step
 * runs, so a value from an input, an HTTP response or an AI answer can arrive as an object such as
 * {@code {"$where": "..."}}; the save-time check in workflow-service ({@code MongoOperators})
 * cannot see it. This class walks the resolved filter, update and document and refuses anything
 * outside the lists, at any depth, before a command is sent.
 *
 * <p>The lists are {@link DatabaseOperators}, as at save time: filters take the comparison,
 * logical, element and array query operators only, so no server-side JavaScript ({@code $where},
 * {@code $function}, {@code $accumulator}), no aggregation expressions ({@code $expr}) or stages
 * ({@code $lookup}, {@code $out}, {@code $merge}, …), and no {@code $regex} (a backtracking regular
 * expression on the server is a denial-of-service risk that only {@code maxTimeMS} would bound).
 */
final class MongoOperatorPolicy {

  /** Query operators a filter may use: the save-time list. */
  static final Set<String> FILTER_OPERATORS = DatabaseOperators.FILTER;

  /** Top-level update operators: the save-time list. */
  static final Set<String> UPDATE_OPERATORS = DatabaseOperators.UPDATE;

  /** Modifiers {@code $push} may carry next to the values it appends. */
  static final Set<String> PUSH_MODIFIERS = Set.of("$each", "$slice", "$sort", "$position");

  /** Modifiers {@code $addToSet} may carry. */
  static final Set<String> ADD_TO_SET_MODIFIERS = Set.of("$each");

  /** Deeper filters and updates are refused: nothing legitimate nests this far. */
  static final int MAX_QUERY_DEPTH = 32;

  /** Deeper documents are refused (MongoDB itself stops at 100). */
  static final int MAX_DOCUMENT_DEPTH = 64;

  private static final int MAX_NAME_IN_MESSAGE = 64;

  private MongoOperatorPolicy() {}

  /** Refuses a filter that uses anything but the allowed query operators, at any depth. */
  static void checkFilter(Map<String, Object> filter) {
    filterValue(filter, "filter", 0);
  }

  /**
   * Refuses an update that is not made only of allowed update operators, whose field names start
   * with {@code $} or hold empty path segments, or whose values carry operators.
   */
  static void checkUpdate(Map<String, Object> update) {
    if (update.isEmpty()) {
      throw DatabaseFailure.invalid("update must hold update operators such as {\"$set\": {...}}");
    }
    for (Map.Entry<String, Object> entry : update.entrySet()) {
      String operator = entry.getKey();
      String at = "update." + shown(operator);
      if (!operator.startsWith("$")) {
        throw DatabaseFailure.invalid(
            "update must hold update operators such as {\"$set\": {...}}, not the field "
                + shown(operator));
      }
      if (!UPDATE_OPERATORS.contains(operator)) {
        throw DatabaseFailure.refused(shown(operator), "an update");
      }
      if (!(entry.getValue() instanceof Map<?, ?> fields)) {
        throw DatabaseFailure.invalid(at + " must be an object of field names");
      }
      for (Map.Entry<?, ?> field : fields.entrySet()) {
        String name = String.valueOf(field.getKey());
        updatePath(name, at);
        updateValue(operator, field.getValue(), at + "." + shown(name));
      }
    }
  }

  /** Refuses a document whose field names start with {@code $} (or hold NUL), at any depth. */
  static void checkDocument(Map<String, Object> document) {
    literal(document, "document", 0);
  }

  private static void filterValue(Object value, String at, int depth) {
    if (depth > MAX_QUERY_DEPTH) {
      throw DatabaseFailure.invalid("the filter nests deeper than " + MAX_QUERY_DEPTH + " levels");
    }
    switch (value) {
      case Map<?, ?> map -> {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          String key = String.valueOf(entry.getKey());
          String child = at + "." + shown(key);
          if (key.startsWith("$")) {
            if (!FILTER_OPERATORS.contains(key)) {
              throw DatabaseFailure.refused(shown(key), "a filter (at " + child + ")");
            }
          } else {
            queryPath(key, at, "a filter");
          }
          filterValue(entry.getValue(), child, depth + 1);
        }
      }
      case List<?> list -> {
        for (int i = 0; i < list.size(); i++) {
          filterValue(list.get(i), at + "[" + i + "]", depth + 1);
        }
      }
      case null, default -> {}
    }
  }

  private static void updateValue(String operator, Object value, String at) {
    switch (operator) {
      case "$pull" -> {
        // $pull takes a condition on the array's elements: a filter in all but name.
        if (value instanceof Map<?, ?>) {
          filterValue(value, at, 1);
        } else {
          literal(value, at, 1);
        }
      }
      case "$push" -> withModifiers(value, at, PUSH_MODIFIERS, "$push");
      case "$addToSet" -> withModifiers(value, at, ADD_TO_SET_MODIFIERS, "$addToSet");
      case "$rename" -> {
        if (!(value instanceof String target)) {
          throw DatabaseFailure.invalid(at + " must be the new field name");
        }
        updatePath(target, at);
        for (String segment : target.split("\\.", -1)) {
          if (segment.startsWith("$")) {
            throw DatabaseFailure.refused(shown(segment), "a $rename target (at " + at + ")");
          }
        }
      }
      case "$currentDate" -> {
        if (value instanceof Map<?, ?> map) {
          for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (!key.equals("$type")) {
              throw DatabaseFailure.refused(shown(key), "$currentDate (at " + at + ")");
            }
            if (!"date".equals(entry.getValue()) && !"timestamp".equals(entry.getValue())) {
              throw DatabaseFailure.invalid(at + ".$type must be \"date\" or \"timestamp\"");
            }
          }
        } else if (!(value instanceof Boolean)) {
          throw DatabaseFailure.invalid(at + " must be true or {\"$type\": \"date\"}");
        }
      }
      default -> literal(value, at, 1);
    }
  }

  /** {@code $push}/{@code $addToSet}: a plain value, or {@code {$each: [...], <modifiers>}}. */
  private static void withModifiers(Object value, String at, Set<String> modifiers, String op) {
    if (!(value instanceof Map<?, ?> map)
        || map.keySet().stream().noneMatch(k -> String.valueOf(k).startsWith("$"))) {
      literal(value, at, 1);
      return;
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      String child = at + "." + shown(key);
      if (!key.startsWith("$")) {
        throw DatabaseFailure.invalid(at + " mixes " + op + " modifiers with field " + shown(key));
      }
      if (!modifiers.contains(key)) {
        throw DatabaseFailure.refused(shown(key), op + " (at " + child + ")");
      }
      if (key.equals("$sort") && entry.getValue() instanceof Map<?, ?> sort) {
        for (Object field : sort.keySet()) {
          queryPath(String.valueOf(field), child, "a $sort");
        }
      }
      literal(entry.getValue(), child, 2);
    }
  }

  /** Values stored as data: no key may start with {@code $}, at any depth. */
  private static void literal(Object value, String at, int depth) {
    if (depth > MAX_DOCUMENT_DEPTH) {
      throw DatabaseFailure.invalid(at + " nests deeper than " + MAX_DOCUMENT_DEPTH + " levels");
    }
    switch (value) {
      case Map<?, ?> map -> {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          String key = String.valueOf(entry.getKey());
          String child = at + "." + shown(key);
          if (key.startsWith("$")) {
            throw DatabaseFailure.refused(
                shown(key), "a stored value (field names may not start with $, at " + child + ")");
          }
          if (key.indexOf('\0') >= 0) {
            throw DatabaseFailure.invalid(
                "field names may not hold NUL characters (at " + at + ")");
          }
          literal(entry.getValue(), child, depth + 1);
        }
      }
      case List<?> list -> {
        for (int i = 0; i < list.size(); i++) {
          literal(list.get(i), at + "[" + i + "]", depth + 1);
        }
      }
      case null, default -> {}
    }
  }

  /** A dotted field path in a filter: no empty segment, no segment that starts with $. */
  private static void queryPath(String path, String at, String where) {
    checkSegments(path, at);
    for (String segment : path.split("\\.", -1)) {
      if (segment.startsWith("$")) {
        throw DatabaseFailure.refused(shown(segment), where + " field name (at " + at + ")");
      }
    }
  }

  /**
   * A field path an update writes: it may not start with {@code $}; later segments may be the
   * positional {@code $} or {@code $[]} only ({@code $[name]} would need arrayFilters, which
   * DATABASE nodes do not take).
   */
  private static void updatePath(String path, String at) {
    checkSegments(path, at);
    String[] segments = path.split("\\.", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean positional = i > 0 && (segment.equals("$") || segment.equals("$[]"));
      if (segment.startsWith("$") && !positional) {
        throw DatabaseFailure.refused(shown(segment), "an update field name (at " + at + ")");
      }
    }
  }

  private static void checkSegments(String path, String at) {
    if (path.isEmpty() || path.indexOf('\0') >= 0) {
      throw DatabaseFailure.invalid("field names must be non-empty, without NUL (at " + at + ")");
    }
    if (path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
      throw DatabaseFailure.invalid(
          "field name " + shown(path) + " has an empty path segment (at " + at + ")");
    }
  }

  /** Names come from the node or from upstream data: keep messages short. */
  static String shown(String name) {
    String printable = name.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= MAX_NAME_IN_MESSAGE
        ? printable
        : printable.substring(0, MAX_NAME_IN_MESSAGE) + "…";
  }
}
