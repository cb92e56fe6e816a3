package io.agentic.airouter.provider;

import static io.agentic.airouter.FakeProvider.hang;
import static io.agentic.airouter.FakeProvider.json;
import static io.agentic.airouter.FakeProvider.openAiAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.agentic.airouter.FakeProvider;
import io.agentic.airouter.provider.ProviderException.Kind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HuggingFaceClientTest {

  static final String SENTIMENT = "cardiffnlp/twitter-roberta-base-sentiment-latest";

  final FakeProvider server = FakeProvider.start();
  final HuggingFaceClient client = Clients.huggingFace(server.baseUrl(), "hf_1");

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void chatsThroughTheRoutersOpenAiCompatibleApi() {
    server.then(openAiAnswer("Hi", 3, 1, "length"));

    ChatAnswer answer = client.chat(Clients.hello("meta-llama/Llama-3.1-8B-Instruct"));

    assertThat(answer.text()).isEqualTo("Hi");
    assertThat(answer.finishReason()).isEqualTo(FinishReason.LENGTH);
    FakeProvider.Request request = server.requests().getFirst();
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.header("Authorization")).isEqualTo("Bearer hf_1");
    assertThat(request.body()).contains("\"model\":\"meta-llama/Llama-3.1-8B-Instruct\"");
  }

  @Test
  void classifiesTextOnHfInferenceAndReadsNestedLabelScores() {
    server.then(
        json(
            200,
            """
            [[{"label":"positive","score":0.91},{"label":"neutral","score":0.07},\
            {"label":"negative","score":0.02}]]"""));

    var scores = client.classify(SENTIMENT, "I love it");

    assertThat(scores)
        .containsExactly(
            new LabelScore("positive", 0.91),
            new LabelScore("neutral", 0.07),
            new LabelScore("negative", 0.02));
    FakeProvider.Request request = server.requests().getFirst();
    assertThat(request.path()).isEqualTo("/hf-inference/models/" + SENTIMENT);
    assertThat(request.header("Authorization")).isEqualTo("Bearer hf_1");
    assertThat(request.body()).isEqualTo("{\"inputs\":\"I love it\"}");
  }

  @Test
  void acceptsAFlatListOfLabelScores() {
    server.then(json(200, "[{\"label\":\"LABEL_2\",\"score\":0.8}]"));

    assertThat(client.classify(SENTIMENT, "ok")).containsExactly(new LabelScore("LABEL_2", 0.8));
  }

  @Test
  void classificationFailuresAreClassified() {
    server.then(
        json(429, "{\"error\":\"rate\"}", Map.of("Retry-After", "2")),
        json(503, "{\"error\":\"Model is loading\",\"estimated_time\":20}"),
        json(200, "{\"error\":\"weird\"}"),
        json(200, "[[]]"),
        json(200, "[[{\"label\":1}]]"),
        json(401, "{\"error\":\"Invalid credentials\"}"),
        hang());

    ProviderException limited = failure();
    assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(failure().kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(failure().kind()).isEqualTo(Kind.BAD_RESPONSE);
    assertThat(failure().kind()).isEqualTo(Kind.EMPTY_ANSWER);
    assertThat(failure().kind()).isEqualTo(Kind.BAD_RESPONSE);
    assertThat(failure().kind()).isEqualTo(Kind.UNAUTHORIZED);
    assertThat(failure().kind()).isEqualTo(Kind.TIMEOUT);
  }

  @Test
  void otherProvidersDoNotClassify() {
    assertThatThrownBy(() -> Clients.openAi(server.baseUrl(), "k").classify(SENTIMENT, "x"))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED));
    assertThat(server.count()).isZero();
  }

  private ProviderException failure() {
    try {
      client.classify(SENTIMENT, "text");
    } catch (ProviderException e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }
}
