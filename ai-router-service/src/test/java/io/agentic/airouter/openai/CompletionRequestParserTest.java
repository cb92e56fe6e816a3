package io.agentic.airouter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentic.airouter.provider.ChatMessage;
import io.agentic.platform.problem.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompletionRequestParserTest {

  static CompletionRequest parse(String json) {
    return CompletionRequestParser.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  static ApiException refusal(String json) {
    try {
      parse(json);
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("accepted " + json);
  }

  @Test
  void readsOpenAisFieldsAndIgnoresTheRest() {
    CompletionRequest request =
        parse(
            """
            {"model":" openrouter/qwen/qwen-2.5-72b-instruct ","temperature":0,
             "max_tokens":10,"max_completion_tokens":20,
             "response_format":{"type":"json_object"},"stream":true,
             "stream_options":{"include_usage":true},"n":1,"seed":7,"tools":[],
             "messages":[{"role":"developer","content":"Rules."},
                         {"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}],"name":"x"}]}""");

    assertThat(request.model()).isEqualTo("openrouter/qwen/qwen-2.5-72b-instruct");
    assertThat(request.messages())
        .containsExactly(ChatMessage.system("Rules."), ChatMessage.user("ab"));
    assertThat(request.temperature()).isZero();
    assertThat(request.maxTokens()).isEqualTo(20);
    assertThat(request.json()).isTrue();
    assertThat(request.stream()).isTrue();
    assertThat(request.includeUsage()).isTrue();
  }

  @Test
  void nullMeansNotGiven() {
    CompletionRequest request =
        parse(
            """
            {"model":"auto","messages":[{"role":"user","content":"hi"}],"temperature":null,
             "max_tokens":null,"response_format":null,"stream":null,"stream_options":null,"n":null}""");

    assertThat(request.temperature()).isNull();
    assertThat(request.maxTokens()).isNull();
    assertThat(request.json()).isFalse();
    assertThat(request.stream()).isFalse();
    assertThat(request.includeUsage()).isFalse();
  }

  @Test
  void aClassifierJudgesTheLastUserMessage() {
    CompletionRequest request =
        parse(
            """
            {"model":"auto","messages":[{"role":"user","content":"first"},
             {"role":"user","content":"last"},{"role":"assistant","content":"reply"}]}""");

    assertThat(request.classifiedText()).isEqualTo("last");
  }

  @Test
  void refusesOutOfRangeNumbers() {
    ApiException e =
        refusal(
            """
            {"model":"auto","messages":[{"role":"user","content":"x"}],
             "temperature":2.5,"max_tokens":1000001,"n":0}""");

    assertThat(e.status().value()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(e.errors())
        .extracting(p -> p.field())
        .containsExactly("temperature", "max_tokens", "n");
    assertThat(e.getMessage())
        .startsWith("The request is invalid: temperature must be a number from 0 to 2;");
  }

  @Test
  void refusesAnAssistantMessageWithoutText() {
    ApiException e =
        refusal(
            """
            {"model":"auto","messages":[{"role":"assistant","content":null,"tool_calls":[]}]}""");

    assertThat(e.errors()).extracting(p -> p.field()).containsExactly("messages[0].content");
  }

  @Test
  void refusesBodiesThatAreNotObjects() {
    assertThat(refusal("").code()).isEqualTo("MALFORMED_JSON");
    assertThat(refusal("null").code()).isEqualTo("MALFORMED_JSON");
    assertThat(refusal("\"auto\"").code()).isEqualTo("MALFORMED_JSON");
    assertThat(refusal("{\"model\":").code()).isEqualTo("MALFORMED_JSON");
    assertThatThrownBy(() -> parse("{}"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.errors())
                    .extracting(p -> p.field())
                    .containsExactly("model", "messages"));
  }
}
