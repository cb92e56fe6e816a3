package io.agentic.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.contracts.workflow.NodeType;
import io.agentic.contracts.workflow.WorkflowNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputFieldsTest {

  private static List<WorkflowNode> inputNode(Map<String, Object> fields) {
    return List.of(
        new WorkflowNode("in", NodeType.INPUT, null, Map.of("fields", fields), null, null, null),
        new WorkflowNode(
            "t", NodeType.TRANSFORM, null, Map.of("expression", "1"), null, null, null));
  }

  @Test
  void acceptsInputsOfEveryDeclaredType() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("s", "string");
    fields.put("n", "number");
    fields.put("i", "integer");
    fields.put("b", "boolean");
    fields.put("o", "object");
    fields.put("a", "array");
    Map<String, Object> inputs =
        Map.of("s", "x", "n", 1.5, "i", 3.0, "b", true, "o", Map.of(), "a", List.of(1), "extra", 1);

    assertThat(InputFields.check(inputNode(fields), inputs)).isEmpty();
  }

  @Test
  void listsEachFieldThatDoesNotFit() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("s", "string");
    fields.put("i", "integer");
    fields.put("a", "array");
    fields.put("gone", "boolean");

    List<InputFields.Problem> problems =
        InputFields.check(inputNode(fields), Map.of("s", 1, "i", 2.5, "a", "x"));

    assertThat(problems)
        .containsExactly(
            new InputFields.Problem("inputs.s", "must be a string"),
            new InputFields.Problem("inputs.i", "must be an integer"),
            new InputFields.Problem("inputs.a", "must be an array"),
            new InputFields.Problem("inputs.gone", "is required"));
  }

  @Test
  void honoursTheObjectFormWithOptionalFields() {
    Map<String, Object> fields =
        Map.of(
            "maybe", Map.of("type", "number", "required", false),
            "must", Map.of("type", "string"));

    assertThat(InputFields.check(inputNode(fields), Map.of("must", "x"))).isEmpty();
    assertThat(InputFields.check(inputNode(fields), Map.of("must", "x", "maybe", "no")))
        .containsExactly(new InputFields.Problem("inputs.maybe", "must be a number"));
    assertThat(InputFields.check(inputNode(fields), null))
        .containsExactly(new InputFields.Problem("inputs.must", "is required"));
  }

  @Test
  void acceptsAnythingWithoutFields() {
    List<WorkflowNode> nodes =
        List.of(new WorkflowNode("in", NodeType.INPUT, null, Map.of(), null, null, null));

    assertThat(InputFields.check(nodes, Map.of("x", 1))).isEmpty();
  }
}
