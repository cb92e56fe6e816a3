package io.agentic.suite.workflows;

import static io.agentic.suite.SuiteAccess.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.suite.SuiteAccess;
import io.agentic.suite.SuiteAccess.Answer;
import io.agentic.suite.SuiteAccess.Client;
import io.agentic.suite.SuiteAccess.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every graph rule of the contract through the gateway, on create and on update: each broken rule
 * is a 400 whose {@code errors} name the field and the node, nothing is saved, and a workflow
 * breaking many rules gets them all in one answer. What the rules allow is accepted.
 */
class GraphRulesIT {

  private static final Client gateway = SuiteAccess.client();
  private static Session me;
  private static String existing;

  /** One broken rule: the workflow's extra fields, and the one error it must produce. */
  record Rule(
      String rule,
      Map<String, Object> fields,
      List<Map<String, Object>> nodes,
      List<Map<String, Object>> edges,
      String code,
      String field,
      String message) {

    Map<String, Object> body() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", "rules");
      body.put("nodes", nodes);
      body.put("edges", edges);
      body.putAll(fields);
      return body;
    }

    @Override
    public String toString() {
      return rule;
    }
  }

  @BeforeAll
  static void aUserWithOneValidWorkflow() {
    me = gateway.newUser();
    Answer created = gateway.post("/api/workflows", valid(), me.token());
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    existing = created.json().path("id").asString();
  }

  static Stream<Arguments> rules() {
    Map<String, Object> in = node("in", "INPUT", Map.of());
    String longText = "x".repeat(100_001);
    List<Map<String, Object>> tooMany =
        IntStream.range(0, 501).mapToObj(i -> node("n" + i, "INPUT", Map.of())).toList();
    return Stream.of(
            graph(
                "node ids are unique",
                List.of(in, node("in", "OUTPUT", Map.of())),
                List.of(),
                "nodes[1].id",
                "node id 'in' is already used by nodes[0]"),
            graph(
                "node ids match the pattern",
                List.of(in, node("2nd", "OUTPUT", Map.of())),
                List.of(),
                "nodes[1].id",
                "node id '2nd' must match"),
            graph(
                "edges name existing nodes",
                List.of(in),
                List.of(edge("in", "ghost")),
                "edges[0].target",
                "names no node: 'ghost'"),
            graph(
                "edges have a source",
                List.of(in),
                List.of(Map.of("target", "in")),
                "edges[0].source",
                "is required"),
            graph(
                "node types are known",
                List.of(in, node("warp", "TELEPORT", Map.of())),
                List.of(),
                "nodes[1].type",
                "node 'warp': unknown type 'TELEPORT'"),
            graph(
                "data rejects unknown fields",
                List.of(in, node("t", "TRANSFORM", Map.of("expression", "1", "script", "x"))),
                List.of(),
                "nodes[1].data.script",
                "node 't': 'script' is not a known field"),
            graph(
                "an expression is a string",
                List.of(in, node("t", "TRANSFORM", Map.of("expression", 42))),
                List.of(),
                "nodes[1].data.expression",
                "node 't': must be a string holding an expression"),
            graph(
                "data rejects wrong types",
                List.of(in, node("wait", "DELAY", Map.of("durationMs", "soon"))),
                List.of(),
                "nodes[1].data.durationMs",
                "node 'wait': must be a whole number"),
            graph(
                "data rejects values out of range",
                List.of(in, node("wait", "DELAY", Map.of("durationMs", 86_400_001))),
                List.of(),
                "nodes[1].data.durationMs",
                "must be between 0 and 86400000"),
            graph(
                "data requires its required fields",
                List.of(in, node("call", "HTTP_REQUEST", Map.of("method", "GET"))),
                List.of(),
                "nodes[1].data.url",
                "url is required"),
            graph(
                "data takes only the listed values",
                List.of(
                    in, node("ai", "AI_PROCESSOR", Map.of("taskType", "poetry", "prompt", "hi"))),
                List.of(),
                "nodes[1].data.taskType",
                "must be one of"),
            graph(
                "input fields have known types",
                List.of(node("in", "INPUT", Map.of("fields", Map.of("n", "complex")))),
                List.of(),
                "nodes[0].data.fields.n",
                "must be one of"),
            graph(
                "a prompt is at most 100,000 characters",
                List.of(
                    in,
                    node("ai", "AI_PROCESSOR", Map.of("taskType", "general", "prompt", longText))),
                List.of(),
                "nodes[1].data.prompt",
                "must be at most 100000 characters"),
            new Rule(
                "a CEL expression is parsed on save",
                Map.of(),
                List.of(in, node("t", "TRANSFORM", Map.of("expression", "1 +"))),
                List.of(),
                "EXPRESSION_INVALID",
                "nodes[1].data.expression",
                "node 't': invalid expression"),
            new Rule(
                "a {{ }} template is parsed on save",
                Map.of(),
                List.of(
                    in,
                    node("ai", "AI_PROCESSOR", Map.of("taskType", "general", "prompt", "Hi {{ x"))),
                List.of(),
                "EXPRESSION_INVALID",
                "nodes[1].data.prompt",
                "node 'ai': invalid template"),
            new Rule(
                "the expression inside a template is parsed on save",
                Map.of(),
                List.of(
                    in,
                    node(
                        "call",
                        "HTTP_REQUEST",
                        Map.of("method", "GET", "url", "https://example.com/{{ 1 + }}"))),
                List.of(),
                "EXPRESSION_INVALID",
                "nodes[1].data.url",
                "node 'call': invalid expression in template"),
            graph(
                "there are no cycles",
                List.of(
                    in,
                    node("a", "TRANSFORM", Map.of("expression", "1")),
                    node("b", "TRANSFORM", Map.of("expression", "2"))),
                List.of(edge("in", "a"), edge("a", "b"), edge("b", "a")),
                "edges[2]",
                "closes a cycle: a → b → a"),
            graph(
                "there is at least one INPUT",
                List.of(node("out", "OUTPUT", Map.of())),
                List.of(),
                "nodes",
                "at least one INPUT"),
            graph(
                "CONDITION out-edges carry a handle",
                List.of(in, condition("c"), node("out", "OUTPUT", Map.of())),
                List.of(edge("in", "c"), edge("c", "out")),
                "edges[1].sourceHandle",
                "must carry sourceHandle \"true\" or \"false\""),
            graph(
                "CONDITION out-edges are labelled true or false",
                List.of(in, condition("c"), node("out", "OUTPUT", Map.of())),
                List.of(edge("in", "c"), handled("c", "out", "maybe")),
                "edges[1].sourceHandle",
                "must carry sourceHandle \"true\" or \"false\""),
            graph(
                "an error handle needs onError branch",
                List.of(
                    in,
                    node("t", "TRANSFORM", Map.of("expression", "1")),
                    node("out", "OUTPUT", Map.of())),
                List.of(edge("in", "t"), handled("t", "out", "error")),
                "edges[1].sourceHandle",
                "onError \"branch\""),
            graph(
                "other nodes take no handles",
                List.of(in, node("out", "OUTPUT", Map.of())),
                List.of(handled("in", "out", "true")),
                "edges[0].sourceHandle",
                "is not allowed out of node 'in'"),
            graph(
                "onError is fail, continue or branch",
                List.of(in, with(node("out", "OUTPUT", Map.of()), "onError", "explode")),
                List.of(),
                "nodes[1].onError",
                "onError must be one of fail, continue, branch"),
            graph(
                "retry.maxAttempts is at most 10",
                List.of(
                    in,
                    with(
                        node("out", "OUTPUT", Map.of()),
                        "retry",
                        Map.of("maxAttempts", 11, "backoffMs", 10))),
                List.of(),
                "nodes[1].retry.maxAttempts",
                "between 1 and 10"),
            graph(
                "timeoutMs is at most an hour",
                List.of(in, with(node("out", "OUTPUT", Map.of()), "timeoutMs", 3_600_001)),
                List.of(),
                "nodes[1].timeoutMs",
                "between 1 and 3600000"),
            graph(
                "at most 500 nodes",
                tooMany,
                List.of(),
                "nodes",
                "at most 500 nodes, this one 501"),
            fields("a name is required", Map.of("name", " "), "name", "name is required"),
            fields(
                "a name is at most 200 characters",
                Map.of("name", "n".repeat(201)),
                "name",
                "at most 200 characters"),
            fields(
                "a description is at most 2000 characters",
                Map.of("description", "d".repeat(2001)),
                "description",
                "at most 2000 characters"),
            fields(
                "at most 20 tags",
                Map.of("tags", IntStream.range(0, 21).mapToObj(i -> "t" + i).toList()),
                "tags",
                "at most 20 tags"),
            fields(
                "a tag is at most 50 characters",
                Map.of("tags", List.of("t".repeat(51))),
                "tags[0]",
                "at most 50 characters"),
            fields(
                "status is active or archived",
                Map.of("status", "paused"),
                "status",
                "active or archived"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void rejectsAWorkflowBreakingTheRuleOnCreateAndOnUpdate(Rule rule) {
    Answer created = gateway.post("/api/workflows", rule.body(), me.token());
    assertBroken(created, rule);

    String path = "/api/workflows/" + existing;
    Answer before = gateway.get(path, me.token());
    Answer updated = gateway.put(path, rule.body(), me.token());
    assertBroken(updated, rule);
    Answer after = gateway.get(path, me.token());
    assertThat(after.json().path("version")).isEqualTo(before.json().path("version"));
    assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
  }

  @Test
  void reportsEveryViolationOfOneWorkflowInOneAnswer() {
    Map<String, Object> broken = new LinkedHashMap<>();
    broken.put("name", "n".repeat(201));
    broken.put(
        "nodes",
        List.of(
            node("in", "INPUT", Map.of()),
            node("in", "OUTPUT", Map.of()),
            node("warp", "TELEPORT", Map.of()),
            node("t", "TRANSFORM", Map.of("expression", "1 +", "script", "x")),
            node("wait", "DELAY", Map.of("durationMs", "soon")),
            condition("c"),
            node("a", "TRANSFORM", Map.of("expression", "1")),
            node("b", "TRANSFORM", Map.of("expression", "2"))));
    broken.put(
        "edges",
        List.of(
            edge("in", "ghost"),
            edge("in", "c"),
            edge("c", "a"),
            handled("a", "b", "error"),
            edge("b", "a")));

    Answer answer = gateway.post("/api/workflows", broken, me.token());

    assertProblem(answer, 400, "GRAPH_INVALID");
    List<String> fields = new ArrayList<>();
    answer.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
    assertThat(fields)
        .as("%s", answer)
        .contains(
            "name",
            "nodes[1].id",
            "nodes[2].type",
            "nodes[3].data.expression",
            "nodes[3].data.script",
            "nodes[4].data.durationMs",
            "edges[0].target",
            "edges[2].sourceHandle",
            "edges[3].sourceHandle",
            "edges[4]");
  }

  @Test
  void acceptsWhatTheRulesAllow() {
    // branches of a CONDITION, an error branch, templates, 500 nodes
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "n".repeat(200));
    body.put("description", "d".repeat(2000));
    body.put(
        "tags", IntStream.range(0, 20).mapToObj(i -> "t".repeat(48) + i / 10 + i % 10).toList());
    List<Map<String, Object>> nodes = new ArrayList<>();
    nodes.add(node("in", "INPUT", Map.of("fields", Map.of("topic", "string"))));
    nodes.add(condition("c"));
    nodes.add(
        with(
            node(
                "call",
                "HTTP_REQUEST",
                Map.of("method", "GET", "url", "https://example.com/{{ topic }}")),
            "onError",
            "branch"));
    nodes.add(node("yes", "OUTPUT", Map.of("value", "nodes.call.output")));
    nodes.add(node("no", "OUTPUT", Map.of("value", "\"no\"")));
    nodes.add(node("failed", "OUTPUT", Map.of("value", "\"failed\"")));
    IntStream.range(0, 494).forEach(i -> nodes.add(node("extra-" + i, "INPUT", Map.of())));
    body.put("nodes", nodes);
    body.put(
        "edges",
        List.of(
            edge("in", "c"),
            handled("c", "call", "true"),
            handled("c", "no", "false"),
            edge("call", "yes"),
            handled("call", "failed", "error")));

    Answer created = gateway.post("/api/workflows", body, me.token());

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.json().path("nodes").size()).isEqualTo(500);
  }

  @Test
  void refusesABodyOverOneMebibyteOnUpdateAndImportWith413() {
    Map<String, Object> big = new LinkedHashMap<>(valid());
    big.put("description", "d".repeat(1024 * 1024));
    String path = "/api/workflows/" + existing;
    Answer before = gateway.get(path, me.token());

    assertProblem(gateway.put(path, big, me.token()), 413, "PAYLOAD_TOO_LARGE");
    big.put("formatVersion", 1);
    assertProblem(gateway.post("/api/workflows/import", big, me.token()), 413, "PAYLOAD_TOO_LARGE");

    assertThat(gateway.get(path, me.token()).header("ETag")).isEqualTo(before.header("ETag"));
  }

  private static void assertBroken(Answer answer, Rule rule) {
    assertProblem(answer, 400, rule.code());
    JsonNode errors = answer.json().path("errors");
    List<String> found = new ArrayList<>();
    boolean matched = false;
    for (JsonNode error : errors) {
      found.add(error.path("field").asString() + ": " + error.path("message").asString());
      matched |=
          error.path("field").asString().equals(rule.field())
              && error.path("message").asString().contains(rule.message());
    }
    assertThat(matched)
        .as("%s: expected %s: ...%s... among %s", rule, rule.field(), rule.message(), found)
        .isTrue();
  }

  private static Rule graph(
      String rule,
      List<Map<String, Object>> nodes,
      List<Map<String, Object>> edges,
      String field,
      String message) {
    return new Rule(rule, Map.of(), nodes, edges, "GRAPH_INVALID", field, message);
  }

  private static Rule fields(
      String rule, Map<String, Object> fields, String field, String message) {
    return new Rule(
        rule, fields, validNodes(), List.of(edge("in", "out")), "GRAPH_INVALID", field, message);
  }

  static Map<String, Object> valid() {
    return Map.of("name", "valid", "nodes", validNodes(), "edges", List.of(edge("in", "out")));
  }

  static List<Map<String, Object>> validNodes() {
    return List.of(node("in", "INPUT", Map.of()), node("out", "OUTPUT", Map.of("value", "inputs")));
  }

  static Map<String, Object> node(String id, String type, Map<String, Object> data) {
    return Map.of("id", id, "type", type, "data", data);
  }

  static Map<String, Object> condition(String id) {
    return node(id, "CONDITION", Map.of("expression", "true"));
  }

  static Map<String, Object> with(Map<String, Object> node, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(node);
    copy.put(key, value);
    return copy;
  }

  static Map<String, Object> edge(String source, String target) {
    return Map.of("source", source, "target", target);
  }

  static Map<String, Object> handled(String source, String target, String handle) {
    return Map.of("source", source, "target", target, "sourceHandle", handle);
  }
}
