package io.agentic.airouter.step;

import static io.agentic.airouter.FakeProvider.geminiAnswer;
import static io.agentic.airouter.FakeProvider.json;
import static io.agentic.airouter.FakeProvider.openAiAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.agentic.airouter.KafkaProbe;
import io.agentic.airouter.ServiceIT;
import io.agentic.contracts.Topics;
import io.agentic.contracts.ai.AiCallRecorded;
import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.execution.StepUsage;
import io.agentic.contracts.workflow.NodeType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/** AI steps through the real broker: ExecuteStep in, StepFinished and AiCallRecorded out. */
class StepWorkerIT extends ServiceIT {

  static final Duration WAIT = Duration.ofSeconds(30);

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrap;

  @LocalServerPort int port;

  KafkaProbe kafka;

  @BeforeEach
  void probe() {
    kafka = new KafkaProbe(bootstrap);
  }

  @Test
  void answersAnAiStepAndReportsItsUsage() {
    String marker = "poem-" + UUID.randomUUID();
    GEMINI.always(geminiAnswer("Roses are red", 7, 5));
    ExecuteStep step = step(Map.of("taskType", "content_generation", "prompt", marker));

    kafka.send(Topics.STEPS_AI, step.executionId(), step);

    StepFinished finished = result(step, 1).getFirst();
    assertThat(finished.succeeded()).isTrue();
    assertThat(finished.stepId()).isEqualTo(step.stepId());
    assertThat(finished.nodeId()).isEqualTo("ai1");
    assertThat(finished.attempt()).isEqualTo(1);
    assertThat(finished.error()).isNull();
    @SuppressWarnings("unchecked")
    Map<String, Object> output = (Map<String, Object>) finished.output();
    assertThat(output)
        .containsEntry("text", "Roses are red")
        .containsEntry("provider", "gemini")
        .containsEntry("model", "gemini-2.5-flash")
        .containsEntry("fallbackFrom", List.of())
        .containsEntry("cached", false)
        .containsEntry("usage", Map.of("promptTokens", 7, "completionTokens", 5, "totalTokens", 12))
        .containsEntry("costUsd", 0.0000146)
        .doesNotContainKey("json");
    assertThat(finished.usage()).isEqualTo(new StepUsage(1, 12, 0.0000146));
    assertThat(GEMINI.requests())
        .filteredOn(r -> r.body().contains(marker))
        .singleElement()
        .satisfies(r -> assertThat(r.header("x-goog-api-key")).isEqualTo(GEMINI_KEY));

    AiCallRecorded call =
        kafka
            .await(
                Topics.AI_USAGE,
                AiCallRecorded.class,
                c -> step.executionId().equals(c.executionId()),
                1,
                WAIT)
            .getFirst();
    assertThat(call.stepId()).isEqualTo(step.stepId());
    assertThat(call.userId()).isEqualTo(step.userId());
    assertThat(call.provider()).isEqualTo("gemini");
    assertThat(call.taskType()).isEqualTo("content_generation");
    assertThat(call.outcome()).isEqualTo("success");
    assertThat(call.totalTokens()).isEqualTo(12);
    assertThat(call.costUsd()).isEqualTo(0.0000146);
    assertThat(call.eventId()).isNotBlank();
  }

  @Test
  void theStepRunsInTheTraceOfItsRecord() {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String marker = "traced-" + UUID.randomUUID();
    GEMINI.always(geminiAnswer("Traced", 1, 1));
    ExecuteStep step = step(Map.of("prompt", marker));

    kafka.send(
        Topics.STEPS_AI,
        step.executionId(),
        step,
        Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

    assertThat(result(step, 1).getFirst().succeeded()).isTrue();
    assertThat(GEMINI.requests())
        .filteredOn(r -> r.body().contains(marker))
        .singleElement()
        .satisfies(r -> assertThat(r.header("traceparent")).startsWith("00-" + traceId + "-"));
  }

  @Test
  void emitsTheSuiteMetricsAtPrometheus() {
    // a deterministic step asked twice by one user: a provider call, then the answer cache
    String userId = "user-" + UUID.randomUUID();
    GEMINI.always(geminiAnswer("Counted", 2, 2));
    Map<String, Object> input = Map.of("prompt", "count " + userId, "temperature", 0);
    ExecuteStep first = step(input, userId);
    ExecuteStep second = step(input, userId);

    kafka.send(Topics.STEPS_AI, first.executionId(), first);
    assertThat(result(first, 1).getFirst().succeeded()).isTrue();
    kafka.send(Topics.STEPS_AI, second.executionId(), second);
    @SuppressWarnings("unchecked")
    Map<String, Object> cached = (Map<String, Object>) result(second, 1).getFirst().output();
    assertThat(cached).containsEntry("cached", true);

    String metrics =
        RestClient.create("http://localhost:" + port)
            .get()
            .uri("/actuator/prometheus")
            .retrieve()
            .body(String.class);
    assertThat(metrics.lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("agentic_steps_seconds_count{")
                    .contains("type=\"ai_processor\"", "outcome=\"success\"")
                    .contains("service=\"ai-router-service\""))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("agentic_provider_calls_seconds_count{")
                    .contains("provider=\"gemini\"", "outcome=\"success\""))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("agentic_cache_requests_total{")
                    .contains("cache=\"ai-answer\"", "result=\"hit\""))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("agentic_cache_requests_total{")
                    .contains("cache=\"ai-answer\"", "result=\"miss\""))
        // the provider's HTTP client is Boot's, observed like every other client
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("http_client_requests_seconds_count{")
                    .contains("client_name=\"127.0.0.1\""));
  }

  @Test
  void aRedeliveredStepIsAnsweredFromItsRecordWithoutCallingAProvider() {
    String marker = "again-" + UUID.randomUUID();
    GEMINI.always(geminiAnswer("Once only", 3, 3));
    ExecuteStep step = step(Map.of("prompt", marker));

    kafka.send(Topics.STEPS_AI, step.executionId(), step);
    StepFinished first = result(step, 1).getFirst();
    kafka.send(Topics.STEPS_AI, step.executionId(), step);
    List<StepFinished> both = result(step, 2);

    assertThat(both).allSatisfy(r -> assertThat(r).isEqualTo(first));
    assertThat(GEMINI.requests()).filteredOn(r -> r.body().contains(marker)).hasSize(1);
  }

  @Test
  void aFailingPrimaryFallsBackDownTheDefaultRoute() {
    String marker = "fallback-" + UUID.randomUUID();
    GEMINI.always(json(500, "{}"));
    GROQ.always(openAiAnswer("groq saves the day", 4, 4));
    ExecuteStep step = step(Map.of("taskType", "general", "prompt", marker));

    kafka.send(Topics.STEPS_AI, step.executionId(), step);

    StepFinished finished = result(step, 1).getFirst();
    @SuppressWarnings("unchecked")
    Map<String, Object> output = (Map<String, Object>) finished.output();
    assertThat(output)
        .containsEntry("text", "groq saves the day")
        .containsEntry("provider", "groq")
        .containsEntry("model", "llama-3.1-8b-instant")
        .containsEntry("fallbackFrom", List.of("gemini"))
        .containsEntry("attempts", 3);
    assertThat(finished.usage().aiCalls()).isEqualTo(3);
    assertThat(GROQ.requests())
        .filteredOn(r -> r.body().contains(marker))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo("/openai/v1/chat/completions");
              assertThat(r.header("Authorization")).isEqualTo("Bearer " + GROQ_KEY);
            });
    assertThat(
            kafka.await(
                Topics.AI_USAGE,
                AiCallRecorded.class,
                c -> step.executionId().equals(c.executionId()),
                3,
                WAIT))
        .extracting(AiCallRecorded::provider, AiCallRecorded::outcome)
        .containsExactlyInAnyOrder(
            tuple("gemini", "error"), tuple("gemini", "error"), tuple("groq", "success"));
  }

  @Test
  void whenNoProviderCanAnswerTheStepFailsNamingEach() {
    GEMINI.always(json(500, "{}"));
    ExecuteStep step = step(Map.of("taskType", "content_generation", "prompt", "doomed"));

    kafka.send(Topics.STEPS_AI, step.executionId(), step);

    StepFinished finished = result(step, 1).getFirst();
    assertThat(finished.succeeded()).isFalse();
    assertThat(finished.output()).isNull();
    assertThat(finished.error().code()).isEqualTo("AI_PROVIDERS_FAILED");
    assertThat(finished.error().message())
        .isEqualTo(
            "No AI provider could answer: gemini: 500 server error; openrouter: unconfigured");
    assertThat(finished.error().retryable()).isTrue();
    assertThat(finished.usage().aiCalls()).isEqualTo(2);
  }

  @Test
  void aSentimentStepAnswersLabelAndScore() {
    HUGGINGFACE.always(
        json(
            200,
            "[[{\"label\":\"negative\",\"score\":0.97},{\"label\":\"neutral\",\"score\":0.03}]]"));
    ExecuteStep step = step(Map.of("taskType", "sentiment_analysis", "prompt", "This is terrible"));

    kafka.send(Topics.STEPS_AI, step.executionId(), step);

    @SuppressWarnings("unchecked")
    Map<String, Object> output = (Map<String, Object>) result(step, 1).getFirst().output();
    assertThat(output)
        .containsEntry("provider", "huggingface")
        .containsEntry("text", "NEGATIVE")
        .containsEntry("json", Map.of("label", "NEGATIVE", "score", 0.97));
  }

  @Test
  void badNodeDataFailsTheStepWithoutAnyCall() {
    int before = GEMINI.count() + GROQ.count() + HUGGINGFACE.count();
    ExecuteStep step = step(Map.of("taskType", "poetry", "prompt", "x"));

    kafka.send(Topics.STEPS_AI, step.executionId(), step);

    StepFinished finished = result(step, 1).getFirst();
    assertThat(finished.error().code()).isEqualTo("INVALID_INPUT");
    assertThat(finished.error().retryable()).isFalse();
    assertThat(finished.error().message()).contains("taskType");
    assertThat(GEMINI.count() + GROQ.count() + HUGGINGFACE.count()).isEqualTo(before);
  }

  @Test
  void anUnreadableStepGoesToTheDeadLetterTopicAndTheNextStepsAreAnswered() {
    GEMINI.always(geminiAnswer("still working", 1, 1));
    ExecuteStep good = step(Map.of("prompt", "after the poison"));
    String key = good.executionId();

    kafka.sendRaw(Topics.STEPS_AI, key, "{not an ExecuteStep".getBytes(StandardCharsets.UTF_8));
    kafka.send(Topics.STEPS_AI, key, good);

    assertThat(result(good, 1).getFirst().succeeded()).isTrue();
    assertThat(
            new String(
                kafka.awaitRaw(Topics.dlt(Topics.STEPS_AI), key, WAIT), StandardCharsets.UTF_8))
        .isEqualTo("{not an ExecuteStep");
  }

  private List<StepFinished> result(ExecuteStep step, int count) {
    return kafka.await(
        Topics.STEP_RESULTS,
        StepFinished.class,
        r -> step.stepId().equals(r.stepId()),
        count,
        WAIT);
  }

  private static ExecuteStep step(Map<String, Object> input) {
    return step(input, "user-" + UUID.randomUUID());
  }

  private static ExecuteStep step(Map<String, Object> input, String userId) {
    String executionId = UUID.randomUUID().toString();
    return new ExecuteStep(
        ExecuteStep.stepId(executionId, "ai1", 1),
        executionId,
        executionId,
        "wf-" + UUID.randomUUID(),
        userId,
        "ai1",
        NodeType.AI_PROCESSOR,
        1,
        input,
        10_000,
        Instant.now());
  }
}
