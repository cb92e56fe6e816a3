package io.agentic.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.contracts.Topics;
import io.agentic.contracts.ai.AiCallRecorded;
import io.agentic.contracts.audit.AuditRecorded;
import io.agentic.contracts.execution.CancelExecution;
import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.ExecutionCommand;
import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.contracts.execution.FireTimer;
import io.agentic.contracts.execution.RetryExecution;
import io.agentic.contracts.execution.StartExecution;
import io.agentic.contracts.execution.StepError;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.execution.StepUsage;
import io.agentic.contracts.workflow.NodeType;
import io.agentic.contracts.workflow.OnError;
import io.agentic.contracts.workflow.RetryPolicy;
import io.agentic.contracts.workflow.WorkflowAccessChanged;
import io.agentic.contracts.workflow.WorkflowChanged;
import io.agentic.contracts.workflow.WorkflowEdge;
import io.agentic.contracts.workflow.WorkflowNode;
import io.agentic.contracts.workflow.WorkflowVersionSaved;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Pins the wire format of every Kafka message: each golden file under {@code golden/} is what the
 * suite writes for a sample record, and reads back to the same record. A failing test here means a
 * consumer outside the suite would break: add fields, never rename or remove them.
 */
class ContractWireFormatTest {

  static final Instant T = Instant.parse("2026-11-21T10:15:30Z");

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of(Topics.WORKFLOW_VERSIONS, "workflow-version-saved.json", versionSaved()),
        Arguments.of(
            Topics.WORKFLOW_ACCESS,
            "workflow-access-changed.json",
            new WorkflowAccessChanged(
                "wf-1", List.of("u-1"), List.of("u-2"), List.of(), true, "active", false, 3, T)),
        Arguments.of(
            Topics.WORKFLOW_EVENTS,
            "workflow-changed.json",
            new WorkflowChanged("ev-1", "wf-1", "shared", 3, "u-1", T)),
        Arguments.of(
            Topics.EXECUTION_COMMANDS,
            "start-execution.json",
            new StartExecution("cmd-1", "ex-1", T)),
        Arguments.of(
            Topics.EXECUTION_COMMANDS,
            "cancel-execution.json",
            new CancelExecution("cmd-2", "ex-1", "u-1", "stopped by user", T)),
        Arguments.of(
            Topics.EXECUTION_COMMANDS,
            "retry-execution.json",
            new RetryExecution("cmd-3", "ex-1", "u-1", T)),
        Arguments.of(
            Topics.EXECUTION_COMMANDS,
            "fire-timer.json",
            new FireTimer("cmd-4", "ex-1", "ex-1:wait:1:delay", "delay", "wait", 1, T)),
        Arguments.of(Topics.STEPS_HTTP, "execute-step.json", executeStep()),
        Arguments.of(Topics.STEP_RESULTS, "step-finished.json", stepSucceeded()),
        Arguments.of(Topics.STEP_RESULTS, "step-failed.json", stepFailed()),
        Arguments.of(Topics.EXECUTION_EVENTS, "execution-progressed.json", progressed()),
        Arguments.of(
            Topics.AI_USAGE,
            "ai-call-recorded.json",
            new AiCallRecorded(
                "ai-1",
                "ex-1",
                "ex-1:summarise:1",
                "u-1",
                "groq",
                "llama-3.1-8b-instant",
                "quick_decision",
                412,
                120,
                30,
                150,
                0.0000123,
                "success",
                List.of("gemini"),
                false,
                T)),
        Arguments.of(
            Topics.AUDIT,
            "audit-recorded.json",
            new AuditRecorded(
                "au-1",
                "login_failed",
                null,
                "u-1",
                "203.0.113.7",
                "denied",
                Map.of("reason", "bad_password"),
                T)));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("samples")
  void writesTheGoldenJson(String topic, String golden, Object sample) throws IOException {
    JsonNode written =
        ContractJson.mapper().readTree(new ContractSerializer().serialize(topic, sample));

    assertThat(written).isEqualTo(goldenTree(golden));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("samples")
  void readsTheGoldenJsonBack(String topic, String golden, Object sample) throws IOException {
    Object read;
    try (InputStream in = goldenStream(golden)) {
      read = new ContractDeserializer().deserialize(topic, in.readAllBytes());
    }

    assertThat(read).isEqualTo(sample);
    if (sample instanceof ExecutionCommand) {
      assertThat(read).isInstanceOf(sample.getClass());
    }
  }

  private static JsonNode goldenTree(String name) throws IOException {
    try (InputStream in = goldenStream(name)) {
      return ContractJson.mapper().readTree(in);
    }
  }

  private static InputStream goldenStream(String name) {
    InputStream in = ContractWireFormatTest.class.getResourceAsStream("/golden/" + name);
    assertThat(in).as("golden file %s", name).isNotNull();
    return in;
  }

  private static WorkflowVersionSaved versionSaved() {
    Map<String, Object> transform = new LinkedHashMap<>();
    transform.put("expression", "inputs.topic.upperAscii()");
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("method", "GET");
    http.put("url", "https://example.org/search?q={{ nodes.shout.output }}");
    return new WorkflowVersionSaved(
        "wf-1",
        3,
        "Search a topic",
        "u-1",
        List.of(
            new WorkflowNode("in", NodeType.INPUT, null, Map.of(), null, null, null),
            new WorkflowNode("shout", NodeType.TRANSFORM, "Shout", transform, null, null, null),
            new WorkflowNode(
                "fetch",
                NodeType.HTTP_REQUEST,
                "Fetch",
                http,
                new RetryPolicy(3, 500),
                10_000L,
                OnError.BRANCH)),
        List.of(
            new WorkflowEdge("e1", "in", "shout", null),
            new WorkflowEdge("e2", "shout", "fetch", null)),
        "u-1",
        T);
  }

  private static ExecuteStep executeStep() {
    return new ExecuteStep(
        "ex-1:fetch:1",
        "ex-1",
        "ex-1",
        "wf-1",
        "u-1",
        "fetch",
        NodeType.HTTP_REQUEST,
        1,
        Map.of("method", "GET", "url", "https://example.org/search?q=KAFKA"),
        10_000,
        T);
  }

  private static StepFinished stepSucceeded() {
    return new StepFinished(
        "ex-1:fetch:1",
        "ex-1",
        "fetch",
        1,
        true,
        Map.of("status", 200, "body", Map.of("hits", 3)),
        null,
        null,
        T,
        T.plusMillis(42));
  }

  private static StepFinished stepFailed() {
    return new StepFinished(
        "ex-1:summarise:2",
        "ex-1",
        "summarise",
        2,
        false,
        null,
        new StepError("PROVIDER_FAILED", "every provider failed: gemini (429)", true),
        new StepUsage(2, 0, 0.0),
        T,
        T.plusMillis(900));
  }

  private static ExecutionProgressed progressed() {
    return new ExecutionProgressed(
        "ex-1:4",
        "ex-1",
        4,
        "node.completed",
        "wf-1",
        3,
        "u-1",
        "fetch",
        T,
        Map.of("output", Map.of("status", 200)));
  }
}
