package io.agentic.execution.engine;

import io.agentic.contracts.workflow.NodeType;
import io.agentic.contracts.workflow.WorkflowNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks execution inputs against the {@code fields} of a workflow's INPUT nodes: {@code {name:
 * type}} or {@code {name: {type, required}}}, types {@code string}, {@code number}, {@code
 * integer}, {@code boolean}, {@code object}, {@code array} (anything else accepts any value). A
 * declared field is required unless it says {@code required: false}; undeclared inputs pass.
 */
public final class InputFields {

  /** One input that does not fit: {@code field} is {@code inputs.<name>}. */
  public record Problem(String field, String message) {}

  private InputFields() {}

  public static List<Problem> check(List<WorkflowNode> nodes, Map<String, Object> inputs) {
    Map<String, Object> given = inputs == null ? Map.of() : inputs;
    List<Problem> problems = new ArrayList<>();
    for (WorkflowNode node : nodes) {
      if (node.type() != NodeType.INPUT
          || node.data() == null
          || !(node.data().get("fields") instanceof Map<?, ?> fields)) {
        continue;
      }
      fields.forEach((name, spec) -> check(String.valueOf(name), spec, given, problems));
    }
    return problems;
  }

  private static void check(
      String name, Object spec, Map<String, Object> given, List<Problem> out) {
    String type;
    boolean required = true;
    if (spec instanceof Map<?, ?> map) {
      type = map.get("type") == null ? "any" : String.valueOf(map.get("type"));
      required = !Boolean.FALSE.equals(map.get("required"));
    } else {
      type = String.valueOf(spec);
    }
    Object value = given.get(name);
    String field = "inputs." + name;
    if (value == null) {
      if (required) {
        out.add(new Problem(field, "is required"));
      }
      return;
    }
    if (!fits(type, value)) {
      out.add(new Problem(field, "must be " + article(type)));
    }
  }

  private static boolean fits(String type, Object value) {
    return switch (type) {
      case "string" -> value instanceof String;
      case "number" -> value instanceof Number;
      case "integer" -> isInteger(value);
      case "boolean" -> value instanceof Boolean;
      case "object" -> value instanceof Map;
      case "array" -> value instanceof List;
      default -> true;
    };
  }

  private static boolean isInteger(Object value) {
    return switch (value) {
      case Integer i -> true;
      case Long l -> true;
      case Short s -> true;
      case Byte b -> true;
      case BigInteger b -> true;
      case BigDecimal d -> d.stripTrailingZeros().scale() <= 0;
      case Double d -> !d.isInfinite() && d == Math.rint(d);
      case Float f -> !f.isInfinite() && f == Math.rint(f);
      default -> false;
    };
  }

  private static String article(String type) {
    return switch (type) {
      case "integer", "object", "array" -> "an " + type;
      default -> "a " + type;
    };
  }
}
