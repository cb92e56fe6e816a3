package io.agentic.execution.nodes.http;

import io.agentic.platform.kafka.ContractJson;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.hc.core5.http.ContentType;
import tools.jackson.core.JacksonException;

/** A response body as a node output: parsed JSON when the response says JSON, else text. */
final class ResponseBodies {

  private ResponseBodies() {}

  static Object parse(HttpReply reply) {
    if (reply.body() == null) {
      return null;
    }
    ContentType type =
        reply.contentType() == null ? null : ContentType.parseLenient(reply.contentType());
    if (isJson(type)) {
      if (reply.body().length == 0) {
        return null;
      }
      try {
        return ContractJson.mapper().readValue(reply.body(), Object.class);
      } catch (JacksonException e) {
        // Says JSON but is not: keep it as text rather than fail the node.
      }
    }
    Charset charset = type == null ? StandardCharsets.UTF_8 : charset(type);
    return new String(reply.body(), charset);
  }

  private static boolean isJson(ContentType type) {
    if (type == null) {
      return false;
    }
    String mime = type.getMimeType().toLowerCase(Locale.ROOT);
    return mime.equals("application/json") || mime.equals("text/json") || mime.endsWith("+json");
  }

  private static Charset charset(ContentType type) {
    try {
      return type.getCharset(StandardCharsets.UTF_8);
    } catch (RuntimeException e) { // unknown or illegal charset name
      return StandardCharsets.UTF_8;
    }
  }
}
