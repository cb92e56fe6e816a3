package io.agentic.suite.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.suite.ai.Gateway.Answer;
import io.agentic.suite.ai.Gateway.Session;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every template from {@code GET /api/templates} instantiates and runs against the fake providers
 * and the allowed outside web. Two cannot simply complete offline, and say so: {@code
 * scheduled-follow-up} waits 24 h in a DELAY (it is checked up to that DELAY, then stopped) and
 * {@code webhook-enrichment} looks a profile up on api.github.com, which is out of reach here (it
 * completes through its error branch, which is what it is built to do).
 */
class TemplatesRunIT {

  /** Waits 24 h between its first and second half. */
  private static final String WAITS_A_DAY = "scheduled-follow-up";

  private final Gateway gateway = AiSuite.gateway();

  @Test
  void instantiatesAndRunsEveryTemplate() {
    Session me = gateway.newUser();
    Answer list = gateway.get("/api/templates?size=100", me.token());
    assertThat(list.status()).as("%s", list).isEqualTo(200);
    JsonNode items = list.json().path("items");
    assertThat(items.size()).isGreaterThanOrEqualTo(8);
    String forward = AiSuite.allowedWeb().url("/forward/" + Flows.runId());

    List<String> problems = new ArrayList<>();
    List<String> ran = new ArrayList<>();
    for (JsonNode template : items) {
      String id = template.path("id").asString();
      Map<String, Object> inputs = inputsFor(id, forward);
      if (inputs == null) {
        problems.add(id + ": a new template, give it inputs in TemplatesRunIT");
        continue;
      }
      Answer made = gateway.post("/api/templates/" + id + "/instantiate", Map.of(), me.token());
      if (made.status() != 201) {
        problems.add(id + ": instantiate answered " + made);
        continue;
      }
      String workflowId = made.json().path("id").asString();
      if (id.equals(WAITS_A_DAY)) {
        checkUpToTheDelay(workflowId, inputs, me, problems);
        continue;
      }
      JsonNode execution = gateway.run(workflowId, inputs, me.token());
      if (!"completed".equals(execution.path("status").asString())) {
        problems.add(id + ": " + execution.path("status").asString() + " " + execution);
        continue;
      }
      ran.add(id);
      checkWhatItDid(id, execution, problems);
    }

    assertThat(problems).isEmpty();
    assertThat(ran)
        .contains(
            "blog-content-pipeline",
            "support-ticket-triage",
            "code-review-helper",
            "webhook-enrichment",
            "long-document-summariser",
            "quick-decision-router",
            "lead-capture",
            "summarise-article",
            "newsletter-digest");
    assertThat(AiSuite.allowedWeb().requestsTo(forward.substring(forward.indexOf("/forward"))))
        .as("webhook-enrichment forwarded the event")
        .isNotEmpty();
  }

  private void checkWhatItDid(String id, JsonNode execution, List<String> problems) {
    JsonNode outputs = execution.path("outputs");
    boolean ok =
        switch (id) {
          case "support-ticket-triage" -> outputs.has("escalated");
          case "lead-capture" ->
              outputs.path("saved").path("saved").asBoolean(false)
                  && outputs.path("saved").toString().contains("Acme");
          case "newsletter-digest" -> outputs.path("newsletter").path("articles").asInt() == 2;
          case "webhook-enrichment" ->
              outputs.has("deliveredUnenriched") || outputs.has("delivered");
          case "code-review-helper" ->
              outputs.path("reviewResult").path("approve").asBoolean(false)
                  && outputs.has("testsResult");
          default -> !outputs.isEmpty();
        };
    if (!ok) {
      problems.add(id + ": unexpected outputs " + outputs);
    }
    if (Set.of("blog-content-pipeline", "code-review-helper", "quick-decision-router").contains(id)
        && execution.path("metrics").path("totalCostUsd").asDouble() <= 0) {
      problems.add(id + ": no cost in " + execution.path("metrics"));
    }
  }

  private void checkUpToTheDelay(
      String workflowId, Map<String, Object> inputs, Session me, List<String> problems) {
    String executionId = gateway.start(workflowId, inputs, me.token());
    // follow its events until the DELAY starts (or the stream ends)
    HttpResponse<Stream<String>> stream =
        gateway.openStream("/api/executions/" + executionId + "/events", me.token());
    try (Stream<String> lines = stream.body()) {
      Gateway.eventsUntil(
          lines,
          e ->
              e.type().equals("node.started") && e.data().path("nodeId").asString().equals("wait")
                  || e.type().startsWith("execution.") && !e.type().equals("execution.started"));
    }
    JsonNode execution = gateway.get("/api/executions/" + executionId, me.token()).json();
    if (!"completed".equals(Flows.nodeStatus(execution, "schedule"))
        || !"running".equals(Flows.nodeStatus(execution, "wait"))) {
      problems.add(WAITS_A_DAY + ": did not reach its 24 h DELAY: " + execution);
    }
    Answer stop = gateway.post("/api/executions/" + executionId + "/stop", Map.of(), me.token());
    if (stop.status() != 200 && stop.status() != 202) {
      problems.add(WAITS_A_DAY + ": stop answered " + stop);
    }
  }

  private static Map<String, Object> inputsFor(String template, String forward) {
    return switch (template) {
      case "blog-content-pipeline" ->
          Map.of("topic", "testing", "audience", "engineers", "words", 300);
      case "support-ticket-triage" ->
          Map.of(
              "ticketId",
              "T-1",
              "customerEmail",
              "a@example.com",
              "subject",
              "Broken",
              "message",
              "This is terrible, nothing works");
      case "code-review-helper" ->
          Map.of(
              "language",
              "Java",
              "diff",
              "--- a/A.java\n+++ b/A.java\n@@ -1 +1 @@\n-int a;\n+int b;",
              "guidelines",
              "Be clear");
      case "webhook-enrichment" ->
          Map.of(
              "username", "octocat", "payload", Map.of("action", "opened"), "forwardUrl", forward);
      case "long-document-summariser" ->
          Map.of("document", "A long text. ".repeat(50), "audience", "execs", "maxBullets", 3);
      case "quick-decision-router" ->
          Map.of("message", "How do I reset my password?", "channel", "chat");
      case "lead-capture" ->
          Map.of(
              "name",
              "Ada",
              "email",
              "Ada@Example.com",
              "company",
              "Acme " + Flows.runId(),
              "interest",
              "AI",
              "consent",
              true);
      case "summarise-article" -> Map.of("item", Map.of("title", "T", "text", "Some news."));
      case "newsletter-digest" ->
          Map.of("articles", List.of("First article.", "Second article."), "audience", "readers");
      case WAITS_A_DAY ->
          Map.of(
              "name",
              "Ada",
              "email",
              "ada@example.com",
              "context",
              "the demo",
              "webhookUrl",
              forward);
      default -> null;
    };
  }
}
