package io.agentic.workflow.crud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IfMatchTest {

  @Test
  void matchesTheCurrentVersionInTheFormsClientsSendBack() {
    assertThat(IfMatch.matches("\"3\"", 3)).isTrue();
    assertThat(IfMatch.matches("W/\"3\"", 3)).isTrue();
    assertThat(IfMatch.matches("3", 3)).isTrue();
    assertThat(IfMatch.matches("\"1\", \"3\"", 3)).isTrue();
    assertThat(IfMatch.matches("*", 3)).isTrue();
  }

  @Test
  void rejectsOtherVersionsAndGarbage() {
    assertThat(IfMatch.matches("\"2\"", 3)).isFalse();
    assertThat(IfMatch.matches("\"33\"", 3)).isFalse();
    assertThat(IfMatch.matches("", 3)).isFalse();
    assertThat(IfMatch.matches("\"", 3)).isFalse();
    assertThat(IfMatch.matches("abc", 3)).isFalse();
  }
}
