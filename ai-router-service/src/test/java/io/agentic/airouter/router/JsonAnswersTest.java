package io.agentic.airouter.router;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonAnswersTest {

  @Test
  void findsTheJsonInsideFencesAndProse() {
    assertThat(JsonAnswers.parse("{\"a\":1}"))
        .hasValueSatisfying(n -> assertThat(n.path("a").asInt()).isEqualTo(1));
    assertThat(JsonAnswers.parse("```json\n[1,2]\n```"))
        .hasValueSatisfying(n -> assertThat(n).hasSize(2));
    assertThat(JsonAnswers.parse("Here it is: {\"ok\": true}. Enjoy!"))
        .hasValueSatisfying(n -> assertThat(n.path("ok").asBoolean()).isTrue());
  }

  @Test
  void rejectsWhatIsNotAnObjectOrArray() {
    assertThat(JsonAnswers.parse("yes")).isEmpty();
    assertThat(JsonAnswers.parse("42")).isEmpty();
    assertThat(JsonAnswers.parse("{\"a\": }")).isEmpty();
    assertThat(JsonAnswers.parse("")).isEmpty();
  }
}
