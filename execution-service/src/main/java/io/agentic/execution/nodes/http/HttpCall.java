package io.agentic.execution.nodes.http;

import io.agentic.platform.kafka.ContractJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.message.BasicHeader;
import tools.jackson.core.JacksonException;

/**
 * An HTTP_REQUEST node's {@code data}, templates already resolved, checked and ready to send.
 *
 * @param headers the node's headers, minus those the client owns (framing, {@code Host}, {@code
 *     Idempotency-Key})
 * @param body the encoded body, null when there is none
 * @param bodyType the body's content type unless the node set {@code Content-Type}
 * @param timeoutMs the node's own timeout, 0 when it has none
 */
record HttpCall(
    String method,
    String url,
    List<BasicHeader> headers,
    byte[] body,
    ContentType bodyType,
    long timeoutMs,
    boolean acceptAnyStatus) {

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /** Set by the client itself; a node's value would break framing or impersonate another host. */
  private static final Set<String> CLIENT_OWNED =
      Set.of(
          "host",
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "proxy-connection",
          "upgrade",
          "te",
          "trailer",
          "expect",
          "idempotency-key");

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  static HttpCall from(Map<String, Object> data) {
    if (data == null) {
      throw StepFailure.invalidRequest("the node has no data");
    }
    String method = method(data.get("method"));
    if (!(data.get("url") instanceof String url) || url.isBlank()) {
      throw new StepFailure(OutboundRefusedException.INVALID_URL, "url is missing", false);
    }
    List<BasicHeader> headers = headers(data.get("headers"));
    Object body = data.get("body");
    byte[] encoded = null;
    ContentType type = null;
    if (body instanceof String text) {
      encoded = text.getBytes(StandardCharsets.UTF_8);
      type = ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8);
    } else if (body != null) {
      try {
        encoded = ContractJson.mapper().writeValueAsBytes(body);
      } catch (JacksonException e) {
        throw StepFailure.invalidRequest("body cannot be written as JSON");
      }
      type = ContentType.APPLICATION_JSON;
    }
    return new HttpCall(
        method, url, headers, encoded, type, timeoutMs(data.get("timeoutMs")), acceptAny(data));
  }

  boolean hasHeader(String name) {
    return headers.stream().anyMatch(h -> h.getName().equalsIgnoreCase(name));
  }

  private static String method(Object value) {
    if (value == null) {
      return "GET";
    }
    String method = value instanceof String s ? s.trim().toUpperCase(Locale.ROOT) : "";
    if (!METHODS.contains(method)) {
      throw StepFailure.invalidRequest("method must be one of " + String.join(", ", METHODS));
    }
    return method;
  }

  private static List<BasicHeader> headers(Object value) {
    List<BasicHeader> headers = new ArrayList<>();
    if (value == null) {
      return headers;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw StepFailure.invalidRequest("headers must be an object of names to values");
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String name) || !TOKEN.matcher(name).matches()) {
        throw StepFailure.invalidRequest("headers hold an invalid header name");
      }
      if (CLIENT_OWNED.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      List<?> values =
          entry.getValue() instanceof List<?> list
              ? list
              : Collections.singletonList(entry.getValue());
      for (Object v : values) {
        if (v == null) {
          continue;
        }
        if (!(v instanceof String || v instanceof Number || v instanceof Boolean)
            || !isHeaderValue(v.toString())) {
          throw StepFailure.invalidRequest("header " + name + " has an invalid value");
        }
        headers.add(new BasicHeader(name, v.toString()));
      }
    }
    return headers;
  }

  /** No CR, LF, NUL or other control characters (header injection); tab is allowed. */
  private static boolean isHeaderValue(String value) {
    return value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f));
  }

  private static long timeoutMs(Object value) {
    if (value == null) {
      return 0;
    }
    if (!(value instanceof Number n) || n.doubleValue() < 1 || n.doubleValue() > 3_600_000) {
      throw StepFailure.invalidRequest("timeoutMs must be a number from 1 to 3600000");
    }
    return n.longValue();
  }

  private static boolean acceptAny(Map<String, Object> data) {
    Object accept = data.get("acceptStatus");
    if (accept == null || "2xx".equals(accept)) {
      return false;
    }
    if ("any".equals(accept)) {
      return true;
    }
    throw StepFailure.invalidRequest("acceptStatus must be \"2xx\" or \"any\"");
  }
}
