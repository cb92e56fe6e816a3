package io.agentic.gateway.echo;

import static io.agentic.gateway.GatewayClient.assertProblem;
import static io.agentic.gateway.GatewayClient.header;
import static io.agentic.gateway.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.gateway.GatewayIntegrationTest;
import io.agentic.gateway.Tokens;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EchoIT extends GatewayIntegrationTest {

  @Test
  void echoesAGetWithItsQueryAndHeadersWithoutAToken() {
    // when
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request("/api/public/echo?name=ada&tag=a&tag=b&empty=")
                .header("X-Visible", "yes")
                .GET());

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode echo = json(response);
    assertThat(echo.path("method").asString()).isEqualTo("GET");
    assertThat(echo.path("path").asString()).isEqualTo("/api/public/echo");
    assertThat(echo.path("query").path("name").asString()).isEqualTo("ada");
    assertThat(echo.path("query").path("tag").get(0).asString()).isEqualTo("a");
    assertThat(echo.path("query").path("tag").get(1).asString()).isEqualTo("b");
    assertThat(echo.path("query").path("empty").asString()).isEmpty();
    assertThat(echo.path("headers").path("x-visible").asString()).isEqualTo("yes");
    assertThat(echo.path("body").isNull()).isTrue();
  }

  @Test
  void redactsEverySecretLookingHeader() {
    String token = Tokens.valid();

    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request("/api/public/echo")
                .header("Authorization", "Bearer " + token)
                .header("Cookie", "session=abc")
                .header("X-API-Key", "ak_live_secret")
                .header("X-Client-Secret", "s3cret")
                .header("X-Auth-Token", "t0ken")
                .header("My-Password", "hunter2")
                .header("X-ApiKey", "k")
                .header("Api_Key", "k2")
                .header("X-Kept", "visible")
                .GET());

    JsonNode headers = json(response).path("headers");
    for (String secret :
        new String[] {
          "authorization",
          "cookie",
          "x-api-key",
          "x-client-secret",
          "x-auth-token",
          "my-password",
          "x-apikey",
          "api_key"
        }) {
      assertThat(headers.path(secret).asString()).as(secret).isEqualTo("***");
    }
    assertThat(headers.path("x-kept").asString()).isEqualTo("visible");
    assertThat(new String(response.body()))
        .doesNotContain(token, "abc", "ak_live_secret", "s3cret", "t0ken", "hunter2");
  }

  @Test
  void parsesAJsonBody() {
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request("/api/public/echo?x=1")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"topic\":\"cats\",\"n\":3,\"tags\":[\"a\"]}")));

    JsonNode echo = json(response);
    assertThat(echo.path("method").asString()).isEqualTo("POST");
    assertThat(echo.path("body").path("topic").asString()).isEqualTo("cats");
    assertThat(echo.path("body").path("n").asInt()).isEqualTo(3);
    assertThat(echo.path("body").path("tags").get(0).asString()).isEqualTo("a");
  }

  @Test
  void keepsOtherBodiesAsText() {
    HttpResponse<byte[]> text =
        gateway.send(
            gateway
                .request("/api/public/echo")
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("hello {{ 1+1 }}")));
    HttpResponse<byte[]> brokenJson =
        gateway.send(
            gateway
                .request("/api/public/echo")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{not json")));

    assertThat(json(text).path("body").asString()).isEqualTo("hello {{ 1+1 }}");
    assertThat(json(brokenJson).path("body").asString()).isEqualTo("{not json");
  }

  @Test
  void showsNoForgedIdentityHeaders() {
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request("/api/public/echo")
                .header("X-User-Id", "admin")
                .header("X-Forwarded-For", "10.0.0.1")
                .GET());

    JsonNode headers = json(response).path("headers");
    assertThat(headers.has("x-user-id")).isFalse();
    assertThat(headers.has("x-forwarded-for")).isFalse();
    assertThat(headers.path("x-request-id").asString()).isNotBlank();
  }

  @Test
  void refusesOtherMethodsWith405() {
    HttpResponse<byte[]> response =
        gateway.send(gateway.request("/api/public/echo").PUT(BodyPublishers.ofString("{}")));

    assertProblem(response, 405, "METHOD_NOT_ALLOWED");
    assertThat(header(response, "Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
  }
}
