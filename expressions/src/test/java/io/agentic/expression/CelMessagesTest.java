package io.agentic.expression;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CelMessagesTest {

  @Test
  void speaksPlainlyWithoutJavaNamesOrCelInternals() {
    assertThat(CelMessages.plain("java.lang.ArithmeticException: / by zero"))
        .isEqualTo("/ by zero");
    assertThat(CelMessages.plain("undeclared reference to 'com.foo' (in container '')"))
        .isEqualTo("unknown function or name 'com.foo'");
    assertThat(
            CelMessages.plain(
                "found no matching overload for '_+_' applied to '(int, string)' (candidates: "
                    + "(int, int),(string, string))"))
        .isEqualTo("no matching overload for '+' applied to '(int, string)'");
    assertThat(CelMessages.plain("mismatched input '<EOF>' expecting {'(', '['}"))
        .isEqualTo("unexpected end");
    assertThat(CelMessages.plain("x".repeat(1000))).hasSizeLessThan(310);
  }
}
