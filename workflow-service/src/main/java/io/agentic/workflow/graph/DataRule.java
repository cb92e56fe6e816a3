package io.agentic.workflow.graph;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A check of one value of a node's {@code data}, with the rules the node schemas are made of. */
@FunctionalInterface
interface DataRule {

  void check(Object value, String path, DataCheck check);

  /** A string; any {@code {{ expr }}} inside must compile. */
  static DataRule text() {
    return (value, path, check) -> {
      if (value instanceof String s) {
        check.template(path, s);
      } else {
        check.fail(path, "must be a string");
      }
    };
  }

  /** A non-blank string; any {@code {{ expr }}} inside must compile. */
  static DataRule requiredText(int maxLength) {
    return (value, path, check) -> {
      if (!(value instanceof String s)) {
        check.fail(path, "must be a string");
      } else if (s.isBlank()) {
        check.fail(path, "must not be blank");
      } else if (s.length() > maxLength) {
        check.fail(path, "must be at most " + maxLength + " characters");
      } else {
        check.template(path, s);
      }
    };
  }

  /** A bare CEL expression (no braces). */
  static DataRule expression() {
    return (value, path, check) -> {
      if (!(value instanceof String s)) {
        check.fail(path, "must be a string holding an expression");
      } else if (s.isBlank()) {
        check.fail(path, "must not be blank");
      } else {
        check.expression(path, s);
      }
    };
  }

  /** One of a fixed set of strings, exactly. */
  static DataRule oneOf(String... allowed) {
    Set<String> set = Set.of(allowed);
    String listed = String.join(", ", allowed);
    return (value, path, check) -> {
      if (!(value instanceof String s) || !set.contains(s)) {
        check.fail(path, "must be one of " + listed);
      }
    };
  }

  /** A string matching {@code pattern}, described to the user as {@code what}. */
  static DataRule matching(Pattern pattern, String what) {
    return (value, path, check) -> {
      if (!(value instanceof String s) || !pattern.matcher(s).matches()) {
        check.fail(path, "must be " + what);
      }
    };
  }

  /** A whole number within {@code [min, max]}. */
  static DataRule integer(long min, long max) {
    return (value, path, check) -> {
      Long n = wholeNumber(value);
      if (n == null) {
        check.fail(path, "must be a whole number");
      } else if (n < min || n > max) {
        check.fail(path, "must be between " + min + " and " + max);
      }
    };
  }

  /** Any number within {@code [min, max]}. */
  static DataRule number(double min, double max) {
    return (value, path, check) -> {
      if (!(value instanceof Number n)) {
        check.fail(path, "must be a number");
      } else if (n.doubleValue() < min || n.doubleValue() > max) {
        check.fail(path, "must be between " + min + " and " + max);
      }
    };
  }

  /** Any JSON value; the strings anywhere inside it may hold templates. */
  static DataRule anyJson() {
    return DataRule::templatesWithin;
  }

  /** A JSON object; the strings anywhere inside it may hold templates. */
  static DataRule object() {
    return (value, path, check) -> {
      if (value instanceof Map<?, ?>) {
        templatesWithin(value, path, check);
      } else {
        check.fail(path, "must be an object");
      }
    };
  }

  /** A JSON object whose every value passes {@code valueRule}. */
  static DataRule objectOf(DataRule valueRule) {
    return (value, path, check) -> {
      if (!(value instanceof Map<?, ?> map)) {
        check.fail(path, "must be an object");
        return;
      }
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        valueRule.check(
            entry.getValue(), DataCheck.child(path, String.valueOf(entry.getKey())), check);
      }
    };
  }

  /** An absolute http(s) URL, unless templates make its final value known only at run time. */
  static DataRule url() {
    return (value, path, check) -> {
      if (!(value instanceof String s)) {
        check.fail(path, "must be a string");
      } else if (s.isBlank()) {
        check.fail(path, "must not be blank");
      } else if (s.length() > 8192) {
        check.fail(path, "must be at most 8192 characters");
      } else if (check.hasTemplates(s)) {
        check.template(path, s);
      } else if (!isHttpUrl(s)) {
        check.fail(path, "must be an absolute http or https URL");
      }
    };
  }

  private static boolean isHttpUrl(String s) {
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme();
      return uri.getHost() != null
          && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
    } catch (Exception e) {
      return false;
    }
  }

  private static void templatesWithin(Object value, String path, DataCheck check) {
    switch (value) {
      case String s -> check.template(path, s);
      case Map<?, ?> map ->
          map.forEach(
              (k, v) -> templatesWithin(v, DataCheck.child(path, String.valueOf(k)), check));
      case List<?> list -> {
        for (int i = 0; i < list.size(); i++) {
          templatesWithin(list.get(i), DataCheck.element(path, i), check);
        }
      }
      case null, default -> {}
    }
  }

  /** The value as a long when it is a whole number (1000 and 1000.0 alike), else null. */
  static Long wholeNumber(Object value) {
    return switch (value) {
      case Integer i -> i.longValue();
      case Long l -> l;
      case Short s -> s.longValue();
      case BigInteger b -> b.bitLength() < 64 ? b.longValue() : null;
      case BigDecimal d -> {
        try {
          yield d.longValueExact();
        } catch (ArithmeticException e) {
          yield null;
        }
      }
      case Double d when d == Math.rint(d) && Math.abs(d) < 9.0e15 -> d.longValue();
      case Float f when f == Math.rint(f) && Math.abs(f) < 1.0e7 -> f.longValue();
      case null, default -> null;
    };
  }
}
