package io.agentic.gateway.edge;

import static io.agentic.gateway.GatewayClient.assertProblem;
import static io.agentic.gateway.GatewayClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.gateway.GatewayIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EdgeHeadersIT extends GatewayIntegrationTest {

  @Test
  void generatesARequestIdAndPassesItToTheService() {
    // given
    String path = "/api/workflows/" + UUID.randomUUID();

    // when
    HttpResponse<byte[]> response = gateway.getAuthorized(path);

    // then
    String id = header(response, "X-Request-Id").orElseThrow();
    assertThat(UUID.fromString(id)).isNotNull();
    assertThat(WORKFLOW.received(path).orElseThrow().header("X-Request-Id")).isEqualTo(id);
  }

  @Test
  void echoesASaneClientRequestId() {
    String path = "/api/workflows/" + UUID.randomUUID();

    HttpResponse<byte[]> response =
        gateway.send(gateway.authorized(path).header("X-Request-Id", "client-42.a:b").GET());

    assertThat(header(response, "X-Request-Id")).hasValue("client-42.a:b");
    assertThat(WORKFLOW.received(path).orElseThrow().header("X-Request-Id"))
        .isEqualTo("client-42.a:b");
  }

  @Test
  void replacesARequestIdThatIsNotPlain() {
    String path = "/api/workflows/" + UUID.randomUUID();
    String unsafe = "<script>" + "x".repeat(200);

    HttpResponse<byte[]> response =
        gateway.send(gateway.authorized(path).header("X-Request-Id", unsafe).GET());

    String id = header(response, "X-Request-Id").orElseThrow();
    assertThat(id).isNotEqualTo(unsafe);
    assertThat(UUID.fromString(id)).isNotNull();
    assertThat(WORKFLOW.received(path).orElseThrow().header("X-Request-Id")).isEqualTo(id);
  }

  @Test
  void putsTheRequestIdOnErrorsToo() {
    HttpResponse<byte[]> response =
        gateway.send(gateway.request("/api/workflows").header("X-Request-Id", "err-1").GET());

    assertProblem(response, 401, "UNAUTHORIZED");
    assertThat(header(response, "X-Request-Id")).hasValue("err-1");
  }

  @Test
  void hardensEveryAnswerWithSecurityHeaders() {
    HttpResponse<byte[]> proxied = gateway.getAuthorized("/api/workflows/" + UUID.randomUUID());
    HttpResponse<byte[]> unauthorized = gateway.get("/api/workflows");
    HttpResponse<byte[]> notFound = gateway.getAuthorized("/api/unknown");
    HttpResponse<byte[]> local = gateway.get("/api/public/echo");

    for (HttpResponse<byte[]> response :
        new HttpResponse[] {proxied, unauthorized, notFound, local}) {
      assertThat(header(response, "X-Content-Type-Options")).hasValue("nosniff");
      assertThat(header(response, "X-Frame-Options")).hasValue("DENY");
      assertThat(header(response, "Referrer-Policy")).hasValue("no-referrer");
      assertThat(header(response, "Cache-Control")).hasValue("no-store");
      // plain HTTP here: HSTS only means something over TLS
      assertThat(header(response, "Strict-Transport-Security")).isEmpty();
    }
  }

  @Test
  void compressesLargeJsonFromAServiceWhenTheClientAcceptsGzip() throws IOException {
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .authorized("/api/dashboard/large-" + UUID.randomUUID())
                .header("Accept-Encoding", "gzip")
                .GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Encoding")).hasValue("gzip");
    JsonNode body = gunzipJson(response.body());
    assertThat(body.path("items").size()).isGreaterThan(100);
  }

  @Test
  void compressesTheGatewaysOwnLargeJsonWhenAccepted() throws IOException {
    String big = "{\"text\":\"" + "y".repeat(4000) + "\"}";

    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request("/api/public/echo")
                .header("Accept-Encoding", "gzip")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(big)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Encoding")).hasValue("gzip");
    assertThat(gunzipJson(response.body()).path("body").path("text").asString()).hasSize(4000);
  }

  @Test
  void doesNotCompressWhenNotAcceptedOrSmall() {
    HttpResponse<byte[]> plain = gateway.getAuthorized("/api/dashboard/large-" + UUID.randomUUID());
    HttpResponse<byte[]> small =
        gateway.send(
            gateway
                .authorized("/api/dashboard/" + UUID.randomUUID())
                .header("Accept-Encoding", "gzip")
                .GET());

    assertThat(header(plain, "Content-Encoding")).isEmpty();
    assertThat(plain.body().length).isGreaterThan(1024);
    assertThat(header(small, "Content-Encoding")).isEmpty();
  }

  @Test
  void answersAPreflightFromAnAllowedOriginWithoutAToken() {
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request("/api/workflows")
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Access-Control-Allow-Origin")).hasValue("https://app.example");
    assertThat(header(response, "Access-Control-Allow-Methods"))
        .hasValueSatisfying(methods -> assertThat(methods).contains("POST"));
    assertThat(header(response, "Access-Control-Allow-Credentials")).isEmpty();
  }

  @Test
  void exposesTheRequestIdToAnAllowedOrigin() {
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .authorized("/api/workflows/" + UUID.randomUUID())
                .header("Origin", "https://app.example")
                .GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Access-Control-Allow-Origin")).hasValue("https://app.example");
    assertThat(header(response, "Access-Control-Expose-Headers"))
        .hasValueSatisfying(exposed -> assertThat(exposed).contains("X-Request-Id"));
  }

  @Test
  void refusesAnOriginNotOnTheList() {
    HttpResponse<byte[]> simple =
        gateway.send(
            gateway
                .authorized("/api/workflows/" + UUID.randomUUID())
                .header("Origin", "https://evil.test")
                .GET());
    HttpResponse<byte[]> preflight =
        gateway.send(
            gateway
                .request("/api/workflows")
                .header("Origin", "https://evil.test")
                .header("Access-Control-Request-Method", "DELETE")
                .method("OPTIONS", BodyPublishers.noBody()));

    assertProblem(simple, 403, "CORS_REJECTED");
    assertProblem(preflight, 403, "CORS_REJECTED");
    assertThat(header(simple, "Access-Control-Allow-Origin")).isEmpty();
    assertThat(header(preflight, "Access-Control-Allow-Origin")).isEmpty();
  }

  private static JsonNode gunzipJson(byte[] gzipped) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return JsonMapper.builder().build().readTree(in.readAllBytes());
    }
  }
}
