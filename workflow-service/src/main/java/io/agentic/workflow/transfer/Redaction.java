package io.agentic.workflow.transfer;

import io.agentic.workflow.graph.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hides secrets in an exported node, as the API requires of exports: the value of every header or
 * field named {@code Authorization}, {@code Cookie}, {@code Set-Cookie}, {@code
 * Proxy-Authorization}, {@code X-API-Key}, or whose name contains {@code secret}, {@code token},
 * {@code password} or {@code apikey} (ignoring case, {@code -} and {@code _}) becomes {@code
 * "***"}. Numbers and booleans stay: {@code maxTokens: 500} is a setting, not a secret.
 */
final class Redaction {

  static final String HIDDEN = "***";
  private static final Set<String> NAMED =
      Set.of("authorization", "cookie", "setcookie", "proxyauthorization", "xapikey");
  private static final List<String> PARTS = List.of("secret", "token", "password", "apikey");

  private Redaction() {}

  static Node of(Node node) {
    if (node.data() == null) {
      return node;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) redact(node.data());
    return new Node(
        node.id(),
        node.type(),
        node.name(),
        node.position(),
        data,
        node.retry(),
        node.timeoutMs(),
        node.onError());
  }

  static boolean sensitive(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    return NAMED.contains(n) || PARTS.stream().anyMatch(n::contains);
  }

  private static Object redact(Object value) {
    return switch (value) {
      case Map<?, ?> map -> {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach(
            (k, v) -> {
              String key = String.valueOf(k);
              boolean hide =
                  v != null && sensitive(key) && !(v instanceof Number || v instanceof Boolean);
              out.put(key, hide ? HIDDEN : redact(v));
            });
        yield out;
      }
      case List<?> list -> list.stream().map(Redaction::redact).toList();
      case null, default -> value;
    };
  }
}
