package io.agentic.workflow.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GraphValidatorTest {

  private final GraphValidator validator = new GraphValidator(new BasicExpressionChecker());

  private List<Violation> validate(String fixture) {
    return validator.validate(Fixtures.draft(fixture));
  }

  private List<Violation> validateJson(String json) {
    return validator.validate(Fixtures.parse(json));
  }

  /** A workflow of an INPUT feeding the given nodes (JSON objects), joined by the given edges. */
  private List<Violation> withNodes(String nodes, String edges) {
    return validateJson(
        """
        {"name": "t", "nodes": [{"id": "in", "type": "INPUT"}, %s], "edges": [%s]}
        """
            .formatted(nodes, edges));
  }

  private static List<String> fields(List<Violation> violations) {
    return violations.stream().map(Violation::field).toList();
  }

  private static String messageAt(List<Violation> violations, String field) {
    return violations.stream()
        .filter(v -> v.field().equals(field))
        .map(Violation::message)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no violation at " + field + " in " + violations));
  }

  @Test
  void acceptsOneNodeOfEveryTypeWithEveryOptionalSetting() {
    assertThat(validate("every-node-type")).isEmpty();
  }

  @Test
  void acceptsAMinimalWorkflow() {
    assertThat(validate("minimal")).isEmpty();
  }

  @Test
  void reportsEveryViolationOfABrokenWorkflowAtOnce() {
    List<Violation> violations = validate("many-violations");

    assertThat(fields(violations))
        .contains(
            "name",
            "nodes[0].id",
            "nodes[2].id",
            "nodes[3].type",
            "nodes[4].data.durationMs",
            "nodes[5].data.concurrency",
            "nodes",
            "edges[0].target",
            "edges[1].sourceHandle",
            "edges[3]");
    assertThat(messageAt(violations, "nodes[2].id")).contains("'twin'", "nodes[1]");
    assertThat(messageAt(violations, "nodes[3].type")).contains("MAGIC");
    assertThat(messageAt(violations, "nodes")).contains("INPUT");
    assertThat(messageAt(violations, "edges[3]")).contains("cycle", "a → b → a");
    assertThat(GraphValidator.onlyExpressionProblems(violations)).isFalse();
  }

  @Test
  void reportsEveryWrongSettingOfEveryNodeType() {
    List<Violation> v = validate("bad-node-data");

    assertThat(fields(v))
        .contains(
            "nodes[0].data.extra",
            "nodes[0].data.fields.topic",
            "nodes[1].data.taskType",
            "nodes[1].data.prompt",
            "nodes[1].data.temperature",
            "nodes[1].data.maxTokens",
            "nodes[1].data.responseFormat",
            "nodes[2].data.method",
            "nodes[2].data.url",
            "nodes[2].data.headers[\"X-Num\"]",
            "nodes[2].data.acceptStatus",
            "nodes[2].data.timeoutMs",
            "nodes[3].data.operation",
            "nodes[3].data.collection",
            "nodes[4].data.durationMs",
            "nodes[5].data.items",
            "nodes[5].data.workflowId",
            "nodes[5].data.concurrency",
            "nodes[6].data.workflowId",
            "nodes[6].data.inputs.x",
            "nodes[7].data.expression",
            "nodes[8].data.value");
    assertThat(messageAt(v, "nodes[0].data.extra")).contains("node 'start'", "not a known field");
    assertThat(messageAt(v, "nodes[2].data.url")).contains("node 'http'", "string");
    assertThat(messageAt(v, "nodes[2].data.method"))
        .contains("GET, POST, PUT, PATCH, DELETE, HEAD");
    assertThat(messageAt(v, "nodes[4].data.durationMs")).contains("whole number");
  }

  @Test
  void reportsExpressionsThatDoNotCompileAsExpressionProblemsNamingTheNode() {
    List<Violation> v = validate("bad-expressions");

    assertThat(fields(v))
        .containsExactlyInAnyOrder(
            "nodes[1].data.expression",
            "nodes[2].data.prompt",
            "nodes[3].data.url",
            "nodes[4].data.value");
    assertThat(messageAt(v, "nodes[1].data.expression")).startsWith("node 'calc'");
    assertThat(messageAt(v, "nodes[3].data.url")).contains("node 'call'", "template");
    assertThat(GraphValidator.onlyExpressionProblems(v)).isTrue();
  }

  @Nested
  class NodeIds {

    @Test
    void rejectsIdsThatDoNotMatchThePattern() {
      String longId = "a".repeat(65);
      List<Violation> v =
          withNodes(
              """
              {"id": "9lives", "type": "OUTPUT"}, {"id": "has space", "type": "OUTPUT"},
              {"id": "%s", "type": "OUTPUT"}, {"id": "", "type": "OUTPUT"}, {"type": "OUTPUT"}
              """
                  .formatted(longId),
              "");

      assertThat(fields(v))
          .containsExactly(
              "nodes[1].id", "nodes[2].id", "nodes[3].id", "nodes[4].id", "nodes[5].id");
    }

    @Test
    void acceptsIdsOfUpTo64CharactersWithDashesAndUnderscores() {
      String id = "A" + "b_-9".repeat(15) + "xyz";
      assertThat(id).hasSize(64);
      assertThat(withNodes("{\"id\": \"%s\", \"type\": \"OUTPUT\"}".formatted(id), "")).isEmpty();
    }

    @Test
    void rejectsRepeatedIds() {
      List<Violation> v =
          withNodes(
              "{\"id\": \"x\", \"type\": \"OUTPUT\"}, {\"id\": \"x\", \"type\": \"OUTPUT\"}", "");

      assertThat(fields(v)).containsExactly("nodes[2].id");
      assertThat(v.getFirst().message()).contains("nodes[1]");
    }

    @Test
    void reportsANullNode() {
      assertThat(fields(withNodes("null", ""))).containsExactly("nodes[1]");
    }
  }

  @Nested
  class NodeTypesAndSettings {

    @Test
    void rejectsUnknownAndMissingTypes() {
      List<Violation> v = withNodes("{\"id\": \"x\", \"type\": \"output\"}, {\"id\": \"y\"}", "");

      assertThat(fields(v)).containsExactly("nodes[1].type", "nodes[2].type");
      assertThat(v.get(0).message()).contains("unknown type 'output'", "OUTPUT");
      assertThat(v.get(1).message()).contains("type is required");
    }

    @Test
    void checksRetryTimeoutAndOnErrorRanges() {
      List<Violation> v =
          withNodes(
              """
              {"id": "a", "type": "OUTPUT", "retry": {"maxAttempts": 0, "backoffMs": 3600001},
               "timeoutMs": 3600001, "onError": "ignore"},
              {"id": "b", "type": "OUTPUT", "retry": {"maxAttempts": 11, "backoffMs": -1}, "timeoutMs": 0},
              {"id": "c", "type": "OUTPUT", "retry": {}},
              {"id": "d", "type": "OUTPUT", "retry": {"maxAttempts": 10, "backoffMs": 3600000},
               "timeoutMs": 3600000, "onError": "continue"},
              {"id": "e", "type": "OUTPUT", "retry": {"maxAttempts": 1, "backoffMs": 0}, "timeoutMs": 1,
               "onError": "fail", "name": "ok"}
              """,
              "");

      assertThat(fields(v))
          .containsExactly(
              "nodes[1].onError",
              "nodes[1].timeoutMs",
              "nodes[1].retry.maxAttempts",
              "nodes[1].retry.backoffMs",
              "nodes[2].timeoutMs",
              "nodes[2].retry.maxAttempts",
              "nodes[2].retry.backoffMs",
              "nodes[3].retry.maxAttempts",
              "nodes[3].retry.backoffMs");
    }

    @Test
    void rejectsNodeNamesOver200Characters() {
      List<Violation> v =
          withNodes(
              "{\"id\": \"x\", \"type\": \"OUTPUT\", \"name\": \"%s\"}".formatted("n".repeat(201)),
              "");
      assertThat(fields(v)).containsExactly("nodes[1].name");
    }

    @Test
    void rejectsFieldsATypeDoesNotKnow() {
      List<Violation> v =
          withNodes(
              """
              {"id": "t", "type": "TRANSFORM", "data": {"expression": "1", "expresion": "2"}},
              {"id": "o", "type": "OUTPUT", "data": {"value": "1", "values": "2"}}
              """,
              "");
      assertThat(fields(v)).containsExactly("nodes[1].data.expresion", "nodes[2].data.values");
      assertThat(v.getFirst().message()).contains("known: expression");
    }

    @Test
    void limitsDelayToOneDay() {
      List<Violation> v =
          withNodes(
              """
              {"id": "ok", "type": "DELAY", "data": {"durationMs": 86400000}},
              {"id": "zero", "type": "DELAY", "data": {"durationMs": 0}},
              {"id": "long", "type": "DELAY", "data": {"durationMs": 86400001}},
              {"id": "neg", "type": "DELAY", "data": {"durationMs": -1}},
              {"id": "frac", "type": "DELAY", "data": {"durationMs": 1.5}},
              {"id": "none", "type": "DELAY"}
              """,
              "");
      assertThat(fields(v))
          .containsExactly(
              "nodes[3].data.durationMs",
              "nodes[4].data.durationMs",
              "nodes[5].data.durationMs",
              "nodes[6].data.durationMs");
    }

    @Test
    void limitsLoopConcurrencyToOneThroughTwenty() {
      List<Violation> v =
          withNodes(
              """
              {"id": "l1", "type": "LOOP", "data": {"items": "[1]", "workflowId": "w", "concurrency": 1}},
              {"id": "l20", "type": "LOOP", "data": {"items": "[1]", "workflowId": "w", "concurrency": 20}},
              {"id": "l0", "type": "LOOP", "data": {"items": "[1]", "workflowId": "w", "concurrency": 0}},
              {"id": "l21", "type": "LOOP", "data": {"items": "[1]", "workflowId": "w", "concurrency": 21}},
              {"id": "lx", "type": "LOOP", "data": {"items": "[1]", "workflowId": "w", "concurrency": "5"}}
              """,
              "");
      assertThat(fields(v))
          .containsExactly(
              "nodes[3].data.concurrency",
              "nodes[4].data.concurrency",
              "nodes[5].data.concurrency");
    }

    @Test
    void acceptsEveryHttpMethodAndRejectsOthers() {
      StringBuilder nodes = new StringBuilder();
      for (String method :
          List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "post")) {
        nodes.append(
            "{\"id\": \"m%s\", \"type\": \"HTTP_REQUEST\", \"data\": {\"method\": \"%s\", \"url\": \"http://h/x\"}},"
                .formatted(method, method));
      }
      List<Violation> v = withNodes(nodes.substring(0, nodes.length() - 1), "");
      assertThat(fields(v)).containsExactly("nodes[7].data.method", "nodes[8].data.method");
    }

    @Test
    void checksHttpUrlsThatHoldNoTemplate() {
      List<Violation> v =
          withNodes(
              """
              {"id": "rel", "type": "HTTP_REQUEST", "data": {"method": "GET", "url": "/relative"}},
              {"id": "ftp", "type": "HTTP_REQUEST", "data": {"method": "GET", "url": "ftp://host/x"}},
              {"id": "blank", "type": "HTTP_REQUEST", "data": {"method": "GET", "url": " "}},
              {"id": "tpl", "type": "HTTP_REQUEST", "data": {"method": "GET", "url": "{{ inputs.url }}"}},
              {"id": "ok", "type": "HTTP_REQUEST", "data": {"method": "HEAD", "url": "https://h:8443/p?q=1"}},
              {"id": "bodyget", "type": "HTTP_REQUEST", "data": {"method": "GET", "url": "https://h", "body": "x"}}
              """,
              "");
      assertThat(fields(v))
          .containsExactly(
              "nodes[1].data.url", "nodes[2].data.url", "nodes[3].data.url", "nodes[6].data.body");
    }

    @Test
    void checksAiTaskTypesAndResponseFormats() {
      StringBuilder nodes = new StringBuilder();
      for (String task : NodeSchemas.TASK_TYPES) {
        nodes.append(
            "{\"id\": \"%s\", \"type\": \"AI_PROCESSOR\", \"data\": {\"taskType\": \"%s\", \"prompt\": \"p\", \"responseFormat\": \"text\"}},"
                .formatted(task, task));
      }
      nodes.append(
          "{\"id\": \"bad\", \"type\": \"AI_PROCESSOR\", \"data\": {\"taskType\": \"chat\", \"prompt\": \"p\", \"responseFormat\": \"yaml\", \"temperature\": -0.1, \"maxTokens\": 0}}");
      List<Violation> v = withNodes(nodes.toString(), "");
      assertThat(fields(v))
          .containsExactlyInAnyOrder(
              "nodes[8].data.taskType",
              "nodes[8].data.temperature",
              "nodes[8].data.maxTokens",
              "nodes[8].data.responseFormat");
    }

    @Test
    void checksDatabaseOperationsCollectionsAndOperators() {
      List<Violation> v =
          withNodes(
              """
              {"id": "okcount", "type": "DATABASE", "data": {"operation": "count", "collection": "c_1"}},
              {"id": "okdel", "type": "DATABASE", "data": {"operation": "deleteMany", "collection": "c", "filter": {"a": {"$in": [1, 2]}}}},
              {"id": "op", "type": "DATABASE", "data": {"operation": "aggregate", "collection": "c"}},
              {"id": "coll", "type": "DATABASE", "data": {"operation": "find", "collection": "_c"}},
              {"id": "where", "type": "DATABASE", "data": {"operation": "find", "collection": "c", "filter": {"$where": "sleep(1)"}}},
              {"id": "nested", "type": "DATABASE", "data": {"operation": "find", "collection": "c", "filter": {"$and": [{"x": {"$function": {}}}]}}},
              {"id": "ins", "type": "DATABASE", "data": {"operation": "insertOne", "collection": "c", "filter": {}}},
              {"id": "upd", "type": "DATABASE", "data": {"operation": "updateMany", "collection": "c", "update": {"name": "x"}}},
              {"id": "del", "type": "DATABASE", "data": {"operation": "deleteMany", "collection": "c"}},
              {"id": "lim", "type": "DATABASE", "data": {"operation": "find", "collection": "c", "limit": 0}},
              {"id": "coll2", "type": "DATABASE", "data": {"operation": "find", "collection": "%s"}}
              """
                  .formatted("c".repeat(65)),
              "");
      assertThat(fields(v))
          .containsExactly(
              "nodes[3].data.operation",
              "nodes[4].data.collection",
              "nodes[5].data.filter.$where",
              "nodes[6].data.filter.$and[0].x.$function",
              "nodes[7].data.filter",
              "nodes[7].data.document",
              "nodes[8].data.update.name",
              "nodes[9].data.filter",
              "nodes[10].data.limit",
              "nodes[11].data.collection");
    }

    @Test
    void checksInputFieldTypes() {
      List<Violation> v =
          withNodes(
              """
              {"id": "i2", "type": "INPUT", "data": {"fields": {"a": "string", "b": "number", "c": "integer",
                "d": "boolean", "e": "object", "f": "array", "g": "any"}}},
              {"id": "i3", "type": "INPUT", "data": {"fields": {"h": "date", "bad name": "string"}}},
              {"id": "i4", "type": "INPUT", "data": {"fields": ["a"]}}
              """,
              "");
      assertThat(fields(v))
          .containsExactly(
              "nodes[2].data.fields.h",
              "nodes[2].data.fields[\"bad name\"]",
              "nodes[3].data.fields");
    }

    @Test
    void takesSubWorkflowInputsAsBareExpressions() {
      List<Violation> v =
          withNodes(
              """
              {"id": "s", "type": "SUB_WORKFLOW", "data": {"workflowId": "w",
                "inputs": {"ok": "inputs.a + 1", "bad": "(inputs.a", "blank": ""}}}
              """,
              "");
      assertThat(fields(v))
          .containsExactly("nodes[1].data.inputs.bad", "nodes[1].data.inputs.blank");
      assertThat(v.get(0).expression()).isTrue();
      assertThat(v.get(1).expression()).isFalse();
    }
  }

  @Nested
  class Edges {

    @Test
    void rejectsEdgesNamingMissingNodes() {
      List<Violation> v =
          withNodes(
              "{\"id\": \"o\", \"type\": \"OUTPUT\"}",
              """
              {"source": "in", "target": "nowhere"}, {"source": "ghost", "target": "o"},
              {"target": "o"}, {"source": "in"}, null
              """);
      assertThat(fields(v))
          .containsExactly(
              "edges[0].target",
              "edges[1].source",
              "edges[2].source",
              "edges[3].target",
              "edges[4]");
      assertThat(v.getFirst().message()).contains("'nowhere'");
    }

    @Test
    void requiresTrueOrFalseHandlesOutOfConditions() {
      List<Violation> v =
          withNodes(
              """
              {"id": "c", "type": "CONDITION", "data": {"expression": "true"}},
              {"id": "y", "type": "OUTPUT"}, {"id": "n", "type": "OUTPUT"}, {"id": "m", "type": "OUTPUT"}
              """,
              """
              {"source": "in", "target": "c"},
              {"source": "c", "target": "y", "sourceHandle": "true"},
              {"source": "c", "target": "n", "sourceHandle": "false"},
              {"source": "c", "target": "m"},
              {"source": "c", "target": "m", "sourceHandle": "maybe"}
              """);
      assertThat(fields(v)).containsExactly("edges[3].sourceHandle", "edges[4].sourceHandle");
      assertThat(v.getFirst().message()).contains("CONDITION 'c'", "\"true\" or \"false\"");
    }

    @Test
    void allowsErrorHandlesOnlyOutOfBranchingNodes() {
      List<Violation> v =
          withNodes(
              """
              {"id": "b", "type": "TRANSFORM", "data": {"expression": "1"}, "onError": "branch"},
              {"id": "f", "type": "TRANSFORM", "data": {"expression": "1"}, "onError": "continue"},
              {"id": "c", "type": "CONDITION", "data": {"expression": "true"}, "onError": "branch"},
              {"id": "x", "type": "OUTPUT"}
              """,
              """
              {"source": "b", "target": "x", "sourceHandle": "error"},
              {"source": "f", "target": "x", "sourceHandle": "error"},
              {"source": "in", "target": "x", "sourceHandle": "error"},
              {"source": "c", "target": "x", "sourceHandle": "error"}
              """);
      assertThat(fields(v)).containsExactly("edges[1].sourceHandle", "edges[2].sourceHandle");
      assertThat(v.getFirst().message()).contains("onError \"branch\"", "'f'");
    }

    @Test
    void rejectsBranchHandlesOutOfNodesThatAreNotConditions() {
      List<Violation> v =
          withNodes(
              "{\"id\": \"x\", \"type\": \"OUTPUT\"}",
              "{\"source\": \"in\", \"target\": \"x\", \"sourceHandle\": \"true\"}");
      assertThat(fields(v)).containsExactly("edges[0].sourceHandle");
    }

    @Test
    void rejectsRepeatedEdgesAndEdgeIds() {
      List<Violation> v =
          withNodes(
              "{\"id\": \"x\", \"type\": \"OUTPUT\"}, {\"id\": \"y\", \"type\": \"OUTPUT\"}",
              """
              {"id": "e", "source": "in", "target": "x"}, {"source": "in", "target": "x"},
              {"id": "e", "source": "in", "target": "y"}, {"id": " ", "source": "x", "target": "y"}
              """);
      assertThat(fields(v)).containsExactly("edges[1]", "edges[2].id", "edges[3].id");
    }
  }

  @Nested
  class Cycles {

    @Test
    void reportsASelfLoop() {
      List<Violation> v =
          withNodes(
              "{\"id\": \"t\", \"type\": \"TRANSFORM\", \"data\": {\"expression\": \"1\"}}",
              "{\"source\": \"in\", \"target\": \"t\"}, {\"source\": \"t\", \"target\": \"t\"}");
      assertThat(fields(v)).containsExactly("edges[1]");
      assertThat(v.getFirst().message()).contains("t → t");
    }

    @Test
    void reportsEachSeparateCycleWithItsPath() {
      List<Violation> v =
          withNodes(
              """
              {"id": "a", "type": "TRANSFORM", "data": {"expression": "1"}},
              {"id": "b", "type": "TRANSFORM", "data": {"expression": "1"}},
              {"id": "c", "type": "TRANSFORM", "data": {"expression": "1"}},
              {"id": "x", "type": "TRANSFORM", "data": {"expression": "1"}},
              {"id": "y", "type": "TRANSFORM", "data": {"expression": "1"}}
              """,
              """
              {"source": "in", "target": "a"}, {"source": "a", "target": "b"},
              {"source": "b", "target": "c"}, {"source": "c", "target": "a"},
              {"source": "in", "target": "x"}, {"source": "x", "target": "y"},
              {"source": "y", "target": "x"}
              """);
      assertThat(v).hasSize(2);
      assertThat(v)
          .extracting(Violation::message)
          .anyMatch(m -> m.contains("a → b → c → a"))
          .anyMatch(m -> m.contains("x → y → x"));
    }

    @Test
    void acceptsDiamondsWhichAreNotCycles() {
      List<Violation> v =
          withNodes(
              """
              {"id": "a", "type": "TRANSFORM", "data": {"expression": "1"}},
              {"id": "b", "type": "TRANSFORM", "data": {"expression": "1"}},
              {"id": "j", "type": "OUTPUT"}
              """,
              """
              {"source": "in", "target": "a"}, {"source": "in", "target": "b"},
              {"source": "a", "target": "j"}, {"source": "b", "target": "j"}
              """);
      assertThat(v).isEmpty();
    }
  }

  @Nested
  class WholeWorkflow {

    @Test
    void requiresAtLeastOneInput() {
      List<Violation> v =
          validateJson("{\"name\": \"t\", \"nodes\": [{\"id\": \"o\", \"type\": \"OUTPUT\"}]}");
      assertThat(fields(v)).containsExactly("nodes");

      assertThat(fields(validateJson("{\"name\": \"t\"}"))).containsExactly("nodes");
    }

    @Test
    void allowsFiveHundredNodesButNotMore() {
      assertThat(validator.validate(chain(500))).isEmpty();

      List<Violation> v = validator.validate(chain(501));
      assertThat(fields(v)).containsExactly("nodes");
      assertThat(v.getFirst().message()).contains("500", "501");
    }

    @Test
    void checksNameDescriptionAndTags() {
      List<String> tags = new ArrayList<>(Collections.nCopies(19, "t"));
      tags.addAll(List.of("x".repeat(51), " "));
      WorkflowDraft draft =
          new WorkflowDraft("n".repeat(201), "d".repeat(2001), tags, chain(1).nodes(), List.of());

      List<Violation> v = validator.validate(draft);

      assertThat(fields(v)).containsExactly("name", "description", "tags", "tags[19]", "tags[20]");
    }

    @Test
    void acceptsTheLongestNameDescriptionAndTags() {
      WorkflowDraft draft =
          new WorkflowDraft(
              "n".repeat(200),
              "d".repeat(2000),
              Collections.nCopies(20, "x".repeat(50)),
              chain(1).nodes(),
              List.of());
      assertThat(validator.validate(draft)).isEmpty();
    }

    @Test
    void requiresAName() {
      assertThat(
              fields(
                  validator.validate(new WorkflowDraft(null, null, null, chain(1).nodes(), null))))
          .containsExactly("name");
    }

    @Test
    void capsTheReportButSaysHowManyMoreThereWere() {
      List<Node> nodes = new ArrayList<>();
      nodes.add(new Node("in", "INPUT", null, null, null, null, null, null));
      for (int i = 0; i < 150; i++) {
        nodes.add(new Node("n" + i, "NOPE", null, null, null, null, null, null));
      }

      List<Violation> v = validator.validate(new WorkflowDraft("t", null, null, nodes, null));

      assertThat(v).hasSize(Violations.MAX_REPORTED + 1);
      assertThat(v.getLast().message()).isEqualTo("and 50 more problems");
    }

    @Test
    void onlyExpressionProblemsIsFalseForAnEmptyReport() {
      assertThat(GraphValidator.onlyExpressionProblems(List.of())).isFalse();
    }

    private WorkflowDraft chain(int size) {
      List<Node> nodes = new ArrayList<>();
      List<Edge> edges = new ArrayList<>();
      nodes.add(new Node("n0", "INPUT", null, null, null, null, null, null));
      for (int i = 1; i < size; i++) {
        nodes.add(
            new Node(
                "n" + i, "TRANSFORM", null, null, Map.of("expression", "1"), null, null, null));
        edges.add(new Edge(null, "n" + (i - 1), "n" + i, null));
      }
      return new WorkflowDraft("chain", null, null, nodes, edges);
    }
  }

  @Nested
  class Templates {

    @Test
    void checksTemplatesInEveryStringOfData() {
      List<Violation> v =
          withNodes(
              """
              {"id": "h", "type": "HTTP_REQUEST", "data": {"method": "POST", "url": "https://h/{{ a }}",
                "headers": {"X": "{{ (b }}"}, "body": {"deep": [{"s": "{{ c] }}"}]}}},
              {"id": "d", "type": "DATABASE", "data": {"operation": "find", "collection": "c",
                "filter": {"a": "{{ x"}}},
              {"id": "s", "type": "AI_PROCESSOR", "data": {"taskType": "general", "prompt": "ok {{ y }}",
                "systemPrompt": "}} {{"}}
              """,
              "");
      assertThat(fields(v))
          .containsExactly(
              "nodes[1].data.headers.X",
              "nodes[1].data.body.deep[0].s",
              "nodes[2].data.filter.a",
              "nodes[3].data.systemPrompt");
      assertThat(v).allMatch(Violation::expression);
    }

    @Test
    void doesNotTreatBareExpressionFieldsAsTemplates() {
      List<Violation> v =
          withNodes(
              "{\"id\": \"t\", \"type\": \"TRANSFORM\", \"data\": {\"expression\": \"{'a': 1}\"}}",
              "");
      assertThat(v).isEmpty();
    }
  }
}
