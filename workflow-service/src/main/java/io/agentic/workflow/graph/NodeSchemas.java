package io.agentic.workflow.graph;

import static io.agentic.workflow.graph.DataRule.anyJson;
import static io.agentic.workflow.graph.DataRule.expression;
import static io.agentic.workflow.graph.DataRule.integer;
import static io.agentic.workflow.graph.DataRule.matching;
import static io.agentic.workflow.graph.DataRule.number;
import static io.agentic.workflow.graph.DataRule.object;
import static io.agentic.workflow.graph.DataRule.objectOf;
import static io.agentic.workflow.graph.DataRule.oneOf;
import static io.agentic.workflow.graph.DataRule.requiredText;
import static io.agentic.workflow.graph.DataRule.text;
import static io.agentic.workflow.graph.DataRule.url;

import io.agentic.contracts.workflow.NodeType;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code data} schema of every node type, as the node-type table of the API defines it. */
final class NodeSchemas {

  static final long HOUR_MS = 3_600_000L;
  static final long DAY_MS = 24 * HOUR_MS;

  static final String[] TASK_TYPES = {
    "content_generation",
    "quick_decision",
    "sentiment_analysis",
    "math_reasoning",
    "long_context",
    "code_generation",
    "general"
  };
  static final String[] HTTP_METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"};
  static final String[] DATABASE_OPERATIONS = {
    "find", "insertOne", "updateMany", "deleteMany", "count"
  };
  static final String[] INPUT_FIELD_TYPES = {
    "string", "number", "integer", "boolean", "object", "array", "any"
  };

  static final Pattern COLLECTION = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,63}$");
  private static final Pattern INPUT_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,63}$");

  private NodeSchemas() {}

  static Map<NodeType, NodeSchema> all() {
    Map<NodeType, NodeSchema> schemas = new EnumMap<>(NodeType.class);
    schemas.put(NodeType.INPUT, new NodeSchema().optional("fields", inputFields()));
    schemas.put(
        NodeType.AI_PROCESSOR,
        new NodeSchema()
            .required("taskType", oneOf(TASK_TYPES))
            .required("prompt", requiredText(100_000))
            .optional("systemPrompt", text())
            .optional("temperature", number(0, 2))
            .optional("maxTokens", integer(1, 1_000_000))
            .optional("provider", requiredText(100))
            .optional("model", requiredText(200))
            .optional("responseFormat", oneOf("text", "json")));
    schemas.put(
        NodeType.HTTP_REQUEST,
        new NodeSchema()
            .required("method", oneOf(HTTP_METHODS))
            .required("url", url())
            .optional("headers", objectOf(text()))
            .optional("body", anyJson())
            .optional("timeoutMs", integer(1, HOUR_MS))
            .optional("acceptStatus", oneOf("2xx", "any"))
            .across(NodeSchemas::noBodyOnGetOrHead));
    schemas.put(
        NodeType.DATABASE,
        new NodeSchema()
            .required("operation", oneOf(DATABASE_OPERATIONS))
            .required("collection", matching(COLLECTION, "a name matching " + COLLECTION))
            .optional("filter", MongoOperators.filter())
            .optional("document", object())
            .optional("update", MongoOperators.update())
            .optional("limit", integer(1, 1_000))
            .across(MongoOperators::fieldsFitOperation));
    schemas.put(NodeType.TRANSFORM, new NodeSchema().required("expression", expression()));
    schemas.put(NodeType.CONDITION, new NodeSchema().required("expression", expression()));
    schemas.put(NodeType.DELAY, new NodeSchema().required("durationMs", integer(0, DAY_MS)));
    schemas.put(
        NodeType.SUB_WORKFLOW,
        new NodeSchema()
            .required("workflowId", requiredText(200))
            .optional("inputs", objectOf(expression())));
    schemas.put(
        NodeType.LOOP,
        new NodeSchema()
            .required("items", expression())
            .required("workflowId", requiredText(200))
            .optional("concurrency", integer(1, 20)));
    schemas.put(NodeType.OUTPUT, new NodeSchema().optional("value", expression()));
    return schemas;
  }

  private static DataRule inputFields() {
    DataRule type = oneOf(INPUT_FIELD_TYPES);
    return (value, path, check) -> {
      if (!(value instanceof Map<?, ?> map)) {
        check.fail(path, "must be an object of {name: type}");
        return;
      }
      map.forEach(
          (name, fieldType) -> {
            String at = DataCheck.child(path, String.valueOf(name));
            if (!INPUT_NAME.matcher(String.valueOf(name)).matches()) {
              check.fail(at, "input names must match " + INPUT_NAME);
            }
            type.check(fieldType, at, check);
          });
    };
  }

  private static void noBodyOnGetOrHead(Map<String, Object> data, String path, DataCheck check) {
    Object method = data.get("method");
    if (data.get("body") != null && ("GET".equals(method) || "HEAD".equals(method))) {
      check.fail(DataCheck.child(path, "body"), method + " requests take no body");
    }
  }
}
