package io.agentic.suite.ai;

import static io.agentic.suite.ai.Flows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.suite.ai.Gateway.Answer;
import io.agentic.suite.ai.Gateway.Session;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** AI_PROCESSOR nodes and the OpenAI-compatible door, against fake providers. */
class AiPathIT {

  private final Gateway gateway = AiSuite.gateway();

  @Test
  void runsAnAiNodeFallingBackWhenTheFirstProviderFails() {
    // given content_generation (gemini, then openrouter) and a prompt gemini answers with 500
    Session me = gateway.newUser();
    String run = Flows.runId();
    String id =
        gateway.save(
            workflow(
                "Write",
                """
                [{"id": "in", "type": "INPUT", "data": {"fields": {"topic": "string"}}},
                 {"id": "write", "type": "AI_PROCESSOR", "data": {"taskType": "content_generation",
                   "prompt": "Write about {{ topic }} FAIL-GEMINI", "maxTokens": 200}},
                 {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.write.output.text"}}]
                """,
                """
                [{"source": "in", "target": "write"}, {"source": "write", "target": "out"}]
                """),
            me.token());

    JsonNode execution = gateway.run(id, Map.of("topic", run), me.token());

    assertThat(execution.path("status").asString()).as("%s", execution).isEqualTo("completed");
    JsonNode output = execution.path("nodeResults").path("write").path("output");
    assertThat(output.path("provider").asString()).as("%s", output).isEqualTo("openrouter");
    assertThat(output.path("model").asString()).isEqualTo("qwen/qwen-2.5-72b-instruct");
    assertThat(output.path("fallbackFrom").toString()).as("%s", output).contains("gemini");
    assertThat(output.path("text").asString())
        .isEqualTo("Fake answer from openrouter: all is well.");
    assertThat(output.path("usage").path("totalTokens").asInt())
        .isEqualTo(FakeProviders.PROMPT_TOKENS + FakeProviders.COMPLETION_TOKENS);
    assertThat(output.path("costUsd").asDouble()).isPositive();
    JsonNode metrics = execution.path("metrics");
    assertThat(metrics.path("aiCallsCount").asInt()).as("%s", metrics).isPositive();
    assertThat(metrics.path("totalTokensUsed").asInt()).as("%s", metrics).isPositive();
    assertThat(metrics.path("totalCostUsd").asDouble()).as("%s", metrics).isPositive();
    assertThat(execution.path("outputs").path("out").asString()).contains("openrouter");
    // both providers were really asked, with the templated prompt
    assertThat(AiSuite.gemini().requestsMentioning(run)).isNotEmpty();
    assertThat(AiSuite.openRouter().requestsMentioning(run)).hasSize(1);
  }

  @Test
  void normalisesSentimentToLabelAndScoreWhicheverProviderAnswers() {
    Session me = gateway.newUser();
    String id =
        gateway.save(
            workflow(
                "Sentiment",
                """
                [{"id": "in", "type": "INPUT", "data": {"fields": {"text": "string"}}},
                 {"id": "feel", "type": "AI_PROCESSOR", "data": {"taskType": "sentiment_analysis",
                   "prompt": "{{ text }}"}},
                 {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.feel.output.json"}}]
                """,
                """
                [{"source": "in", "target": "feel"}, {"source": "feel", "target": "out"}]
                """),
            me.token());

    JsonNode classified =
        gateway.run(id, Map.of("text", "This is terrible " + Flows.runId()), me.token());
    JsonNode fallback =
        gateway.run(id, Map.of("text", "Lovely, FAIL-HUGGINGFACE " + Flows.runId()), me.token());

    assertThat(classified.path("status").asString()).as("%s", classified).isEqualTo("completed");
    JsonNode hf = classified.path("nodeResults").path("feel").path("output");
    assertThat(hf.path("provider").asString()).as("%s", hf).isEqualTo("huggingface");
    assertThat(hf.path("json").path("label").asString()).as("%s", hf).isEqualTo("NEGATIVE");
    assertThat(hf.path("json").path("score").asDouble()).isEqualTo(0.91);
    assertThat(hf.path("json").properties()).hasSize(2);

    assertThat(fallback.path("status").asString()).as("%s", fallback).isEqualTo("completed");
    JsonNode gemini = fallback.path("nodeResults").path("feel").path("output");
    assertThat(gemini.path("provider").asString()).as("%s", gemini).isEqualTo("gemini");
    assertThat(gemini.path("fallbackFrom").toString()).contains("huggingface");
    assertThat(gemini.path("json").path("label").asString()).as("%s", gemini).isEqualTo("POSITIVE");
    assertThat(gemini.path("json").path("score").asDouble()).isEqualTo(0.8);
    assertThat(gemini.path("json").properties()).as("%s", gemini).hasSize(2);
  }

  @Test
  void answersChatCompletionsInOpenAiShapeForAnApiKey() {
    Session me = gateway.newUser();
    Answer key =
        gateway.post(
            "/api/auth/api-keys", Map.of("name", "sdk", "scopes", List.of("ai:use")), me.token());
    assertThat(key.status()).as("%s", key).isEqualTo(201);
    String secret = key.json().path("key").asString();
    assertThat(secret).startsWith("agk_");

    Answer answer =
        gateway.post(
            "/v1/chat/completions",
            Map.of(
                "model",
                "auto",
                "messages",
                List.of(Map.of("role", "user", "content", "Say hi " + Flows.runId()))),
            Map.of("Authorization", "Bearer " + secret));

    assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.path("object").asString()).isEqualTo("chat.completion");
    assertThat(body.path("id").asString()).startsWith("chatcmpl-");
    assertThat(body.path("model").asString()).isEqualTo("gemini/gemini-2.5-flash");
    JsonNode choice = body.path("choices").path(0);
    assertThat(choice.path("message").path("role").asString()).isEqualTo("assistant");
    assertThat(choice.path("message").path("content").asString())
        .isEqualTo("Fake answer from gemini: all is well.");
    assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
    assertThat(body.path("usage").path("total_tokens").asInt())
        .isEqualTo(FakeProviders.PROMPT_TOKENS + FakeProviders.COMPLETION_TOKENS);
    assertThat(body.path("usage").path("prompt_tokens").asInt())
        .isEqualTo(FakeProviders.PROMPT_TOKENS);

    // without the key, or with a made-up one, nothing is answered
    Answer forged =
        gateway.post(
            "/v1/chat/completions",
            Map.of("model", "auto", "messages", List.of(Map.of("role", "user", "content", "x"))),
            Map.of("Authorization", "Bearer agk_not_a_real_key"));
    assertThat(forged.status()).as("%s", forged).isEqualTo(401);
  }
}
