package io.agentic.airouter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentic.platform.problem.ApiException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestBodiesTest {

  static MockHttpServletRequest request(String contentType, byte[] body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/chat/completions");
    request.setContentType(contentType);
    request.setContent(body);
    return request;
  }

  @Test
  void readsJsonUpToEightMebibytes() throws IOException {
    byte[] body = new byte[RequestBodies.MAX_BYTES];

    assertThat(RequestBodies.read(request("application/json", body))).hasSize(body.length);
    assertThat(RequestBodies.read(request("application/json; charset=utf-8", new byte[2])))
        .hasSize(2);
  }

  @Test
  void refusesABodyOverEightMebibytes() {
    MockHttpServletRequest declared =
        request("application/json", new byte[RequestBodies.MAX_BYTES + 1]);
    assertThatThrownBy(() -> RequestBodies.read(declared))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(413);
              assertThat(e.code()).isEqualTo("PAYLOAD_TOO_LARGE");
            });
  }

  @Test
  void refusesAChunkedBodyThatGrowsOverEightMebibytes() {
    MockHttpServletRequest chunked =
        new MockHttpServletRequest("POST", "/v1/chat/completions") {
          @Override
          public long getContentLengthLong() {
            return -1;
          }
        };
    chunked.setContentType("application/json");
    chunked.setContent(new byte[RequestBodies.MAX_BYTES + 1]);

    assertThatThrownBy(() -> RequestBodies.read(chunked))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.status().value()).isEqualTo(413));
  }

  @Test
  void refusesWhatIsNotJson() {
    for (String type :
        new String[] {"text/plain", "application/x-www-form-urlencoded", "nonsense"}) {
      assertThatThrownBy(() -> RequestBodies.read(request(type, new byte[1])))
          .as(type)
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.status().value()).isEqualTo(415));
    }
    assertThatThrownBy(() -> RequestBodies.read(request(null, new byte[1])))
        .isInstanceOf(ApiException.class);
  }
}
