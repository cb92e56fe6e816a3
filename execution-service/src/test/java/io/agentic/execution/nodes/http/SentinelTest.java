package io.agentic.execution.nodes.http;

import static io.agentic.execution.nodes.http.Steps.get;
import static io.agentic.execution.nodes.http.Steps.properties;
import static io.agentic.execution.nodes.http.Steps.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.contracts.execution.StepFinished;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sentinel would see what the SSRF tests say it did not: its zero counts mean something. */
class SentinelTest {

  private Sentinel sentinel;

  @BeforeEach
  void start() throws Exception {
    sentinel = new Sentinel();
  }

  @AfterEach
  void stop() throws Exception {
    sentinel.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "0.0.0.0", "::1", "::ffff:127.0.0.1"})
  void countsAConnectionToAnyLocalAddressAtItsPort(String address) throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.ofLiteral(address), sentinel.port()), 2000);
    }

    assertThat(sentinel.connections()).isEqualTo(1);
  }

  @Test
  void countsARequestTheAllowListLetsThrough() throws Exception {
    try (HttpRequestStep allowed =
        new HttpRequestStep(properties("127.0.0.1:" + sentinel.port()))) {
      StepFinished finished =
          allowed.execute(step(get("http://127.0.0.1:" + sentinel.port() + "/")));

      assertThat(finished.error().code()).isEqualTo("CONNECTION_FAILED"); // it hangs up at once
    }

    assertThat(sentinel.connections()).isEqualTo(1);
  }
}
