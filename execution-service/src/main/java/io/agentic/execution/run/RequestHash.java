package io.agentic.execution.run;

import io.agentic.platform.kafka.ContractJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hash of a start request's content, independent of key order, to tell a replay of the same
 * request from a reused {@code Idempotency-Key}.
 */
final class RequestHash {

  private RequestHash() {}

  static String of(String workflowId, Map<String, Object> inputs, Integer version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("workflowId", workflowId);
    body.put("inputs", canonical(inputs));
    body.put("version", version);
    byte[] json = ContractJson.mapper().writeValueAsBytes(body);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object canonical(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(canonical(v)));
      return copy;
    }
    return value;
  }
}
