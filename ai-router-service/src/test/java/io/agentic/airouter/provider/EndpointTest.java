package io.agentic.airouter.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointTest {

  @Test
  void resolvesPathsUnderTheBaseKeepingItsPrefix() {
    Endpoint groq = Endpoint.parse("https://api.groq.com/openai/v1/");

    assertThat(groq.resolve("/chat/completions"))
        .hasToString("https://api.groq.com/openai/v1/chat/completions");
    assertThat(groq.child("/x").resolve("/y")).hasToString("https://api.groq.com/openai/v1/x/y");
  }

  @Test
  void refusesUnusableBaseUrls() {
    for (String bad :
        new String[] {
          "", "ftp://host/x", "http://user:pw@host", "https://host/v1?x=1", "https://host#f", "/v1"
        }) {
      assertThatThrownBy(() -> Endpoint.parse(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void noPathCanLeaveTheBase() {
    Endpoint base = Endpoint.parse("https://generativelanguage.googleapis.com");

    for (String bad :
        new String[] {"//evil.example/x", "/../x", "/a?b", "/a#b", "/a b", "/a%2e%2e/b", "x"}) {
      assertThatThrownBy(() -> base.resolve(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void modelNamesMustBePlainPathSegments() {
    assertThat(Endpoint.modelPath("z-ai/glm-4.5-air:free")).isEqualTo("z-ai/glm-4.5-air:free");
    for (String bad :
        new String[] {"../x", "a//b", "/abs", "a/", "http://x", "a?b", "a b", "", "a@b"}) {
      assertThatThrownBy(() -> Endpoint.modelPath(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
