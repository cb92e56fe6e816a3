package io.agentic.execution.nodes.http;

import static io.agentic.execution.nodes.http.Steps.get;
import static io.agentic.execution.nodes.http.Steps.properties;
import static io.agentic.execution.nodes.http.Steps.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.contracts.execution.StepFinished;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF corpus (research notes §3.3): every URL fails with SSRF_BLOCKED and nothing reaches the
 * sentinel, a listener on every local address at one port. Only 127.0.0.1 at the test server's port
 * is allowed.
 */
class HttpRequestStepSsrfTest {

  private static final String S = "{sentinel}";

  private static Sentinel sentinel;
  private TestServer server;
  private HttpRequestStep step;

  @BeforeAll
  static void startSentinel() throws Exception {
    sentinel = new Sentinel();
  }

  @AfterAll
  static void stopSentinel() throws Exception {
    sentinel.close();
  }

  @BeforeEach
  void startServer() throws Exception {
    server = new TestServer();
    step = new HttpRequestStep(properties("127.0.0.1:" + server.port()));
  }

  /** Runs after every test: whatever the test sent, none of it reached the sentinel. */
  @AfterEach
  void nothingReachedTheSentinel() throws Exception {
    step.close();
    server.close();
    assertThat(sentinel.connections()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.1/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://198.18.0.1/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://255.255.255.255:" + S + "/",
        "http://[fd00::1]/",
        "http://[fc00::1]/",
        "http://[fd00:ec2::254]/",
        "http://[fe80::1%25lo]:" + S + "/",
        "http://[::1]:" + S + "/",
        "http://[::]:" + S + "/",
        "http://[::ffff:127.0.0.1]:" + S + "/",
        "http://[::ffff:7f00:1]:" + S + "/",
        "http://[::127.0.0.1]:" + S + "/",
        "http://[64:ff9b::7f00:1]:" + S + "/",
        "http://[2002:7f00:1::]:" + S + "/",
        "http://127.0.0.1:" + S + "/",
        "http://127.0.0.2:" + S + "/",
        "http://0.0.0.0:" + S + "/",
        "http://0:" + S + "/",
        "http://localhost:" + S + "/",
        "http://LocalHost.:" + S + "/",
        "http://2130706433:" + S + "/",
        "http://0x7f000001:" + S + "/",
        "http://0x7f.1:" + S + "/",
        "http://017700000001:" + S + "/",
        "http://0177.0.0.1:" + S + "/",
        "http://127.1:" + S + "/",
        "http://127.0.0.01:" + S + "/",
        "http://user:pw@127.0.0.1:" + S + "/",
        "http://user:pw@evil.test@127.0.0.1:" + S + "/",
        "file:///etc/passwd",
        "gopher://127.0.0.1:" + S + "/_INFO",
        "dict://127.0.0.1:" + S + "/",
        "ftp://127.0.0.1:" + S + "/",
        "jar:http://127.0.0.1:" + S + "/x.jar!/",
      })
  void blocksPrivateLoopbackAndOddAddresses(String template) {
    StepFinished finished = step.execute(step(get(template.replace(S, "" + sentinel.port()))));

    assertThat(finished.succeeded()).isFalse();
    assertThat(finished.error().code()).isEqualTo("SSRF_BLOCKED");
    assertThat(finished.error().retryable()).isFalse();
  }

  @Test
  void blocksTheSentinelEvenWithAnAllowedHostHeader() {
    Map<String, Object> input =
        Map.of(
            "method",
            "GET",
            "url",
            "http://127.0.0.1:" + sentinel.port() + "/",
            "headers",
            Map.of("Host", "127.0.0.1:" + server.port()));

    assertThat(step.execute(step(input)).error().code()).isEqualTo("SSRF_BLOCKED");
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void blocksARedirectFromAnAllowedServerToTheSentinel(int code) throws Exception {
    String target = "http://127.0.0.1:" + sentinel.port() + "/";

    StepFinished finished =
        step.execute(step(get(server.url("/redirect?code=" + code + "&to=" + encode(target)))));

    assertThat(finished.error().code()).isEqualTo("SSRF_BLOCKED");
    assertThat(server.nextRequest().path()).isEqualTo("/redirect"); // the first hop was sent
  }

  @Test
  void blocksTheSentinelAtTheEndOfARedirectChain() {
    String last = "http://localhost:" + sentinel.port() + "/";
    String middle = "/redirect?to=" + encode(last);

    StepFinished finished = step.execute(step(get(server.url("/redirect?to=" + encode(middle)))));

    assertThat(finished.error().code()).isEqualTo("SSRF_BLOCKED");
  }

  @Test
  void blocksALoopbackPortThatIsNotOnTheAllowList() {
    String otherPort = "http://127.0.0.1:" + sentinel.port() + "/json";

    StepFinished finished =
        step.execute(step(get(server.url("/redirect?to=" + encode(otherPort)))));

    assertThat(finished.error().code()).isEqualTo("SSRF_BLOCKED");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://internal.test:" + S + "/", // a name for 10.0.0.5
        "http://metadata.google.internal/computeMetadata/v1/", // a name for 169.254.169.254
        "http://mixed.test:" + S + "/", // one public and one loopback address
        "http://sentinel.test:" + S + "/", // a name for 127.0.0.1
      })
  void blocksNamesThatResolveToBlockedAddresses(String template) {
    try (HttpRequestStep stubbed = withStubDns(new AtomicInteger())) {
      StepFinished finished = stubbed.execute(step(get(template.replace(S, "" + sentinel.port()))));

      assertThat(finished.error().code()).isEqualTo("SSRF_BLOCKED");
      assertThat(finished.error().message()).doesNotContain("127.0.0.1", "10.0.0.5", "169.254");
    }
  }

  @Test
  void connectsToTheAddressItCheckedAfterOneLookup() {
    AtomicInteger lookups = new AtomicInteger();
    try (HttpRequestStep stubbed = withStubDns(lookups)) {
      // pinned.test exists only in the stub: reaching the server proves the checked answer is
      // the address connected to, with no second lookup anywhere.
      StepFinished finished =
          stubbed.execute(step(get("http://pinned.test:" + server.port() + "/json")));

      assertThat(finished.succeeded()).as("error: %s", finished.error()).isTrue();
      assertThat(lookups).hasValue(1);
    }
  }

  private HttpRequestStep withStubDns(AtomicInteger lookups) {
    HostLookup stub =
        name -> {
          lookups.incrementAndGet();
          return switch (name) {
            case "internal.test" -> addresses("10.0.0.5");
            case "metadata.google.internal" -> addresses("169.254.169.254");
            case "mixed.test" -> addresses("93.184.216.34", "127.0.0.1");
            case "sentinel.test", "pinned.test" -> addresses("127.0.0.1");
            default -> throw new UnknownHostException(name);
          };
        };
    HttpStepProperties properties = properties("pinned.test:" + server.port());
    return new HttpRequestStep(
        properties, new OutboundGuard(properties.allowHosts(), stub), Clock.systemUTC());
  }

  private static InetAddress[] addresses(String... literals) {
    InetAddress[] addresses = new InetAddress[literals.length];
    for (int i = 0; i < literals.length; i++) {
      addresses[i] = InetAddress.ofLiteral(literals[i]);
    }
    return addresses;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
