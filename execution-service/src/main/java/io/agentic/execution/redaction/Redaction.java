package io.agentic.execution.redaction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Masks secrets in what users and logs see (API.md): values of the headers {@code Authorization},
 * {@code Cookie}, {@code Set-Cookie}, {@code Proxy-Authorization}, {@code X-API-Key}, and of any
 * header or JSON field whose name contains {@code secret}, {@code token}, {@code password} or
 * {@code apikey} (case-insensitive, ignoring {@code -} and {@code _}, so {@code api_key} counts)
 * become {@value #MASK}. Figures (numbers, booleans) are kept: {@code totalTokens} is a count, not
 * a credential. Stored state keeps the real values, because later nodes may need them; only what is
 * shown — API answers, events, logs, HTTP node outputs — is masked.
 */
public final class Redaction {

  public static final String MASK = "***";

  private static final Set<String> NAMES =
      Set.of("authorization", "cookie", "setcookie", "proxyauthorization", "xapikey");
  private static final List<String> PARTS = List.of("secret", "token", "password", "apikey");

  private Redaction() {}

  /** Whether a header or field of this name holds a secret. */
  public static boolean isSensitive(String name) {
    if (name == null) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    return NAMES.contains(n) || PARTS.stream().anyMatch(n::contains);
  }

  /** A copy of the headers with sensitive values masked; order kept. */
  public static Map<String, String> headers(Map<String, String> headers) {
    Map<String, String> copy = new LinkedHashMap<>();
    headers.forEach((name, value) -> copy.put(name, isSensitive(name) ? MASK : value));
    return copy;
  }

  /**
   * A copy of a JSON value (maps, lists, scalars as Jackson reads them) with the value of every
   * sensitive field masked, at any depth. Scalars and strings come back unchanged.
   */
  public static Object json(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach(
          (key, item) -> {
            String name = String.valueOf(key);
            copy.put(name, isSensitive(name) && !isFigure(item) ? MASK : json(item));
          });
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(json(item)));
      return copy;
    }
    return value;
  }

  /** {@link #json} for a map, keeping its type; null stays null. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> jsonMap(Map<String, Object> map) {
    return map == null ? null : (Map<String, Object>) json(map);
  }

  private static boolean isFigure(Object value) {
    return value == null || value instanceof Number || value instanceof Boolean;
  }

  /**
   * A URL fit for a message: userinfo masked and the values of sensitive query parameters ({@code
   * ?api_key=...}, {@code ?token=...}) masked. Works on text, so any string is accepted.
   */
  public static String url(String url) {
    if (url == null) {
      return null;
    }
    String result = url;
    int scheme = result.indexOf("://");
    if (scheme >= 0) {
      int start = scheme + 3;
      int end = start;
      while (end < result.length() && "/?#".indexOf(result.charAt(end)) < 0) {
        end++;
      }
      int at = result.lastIndexOf('@', end - 1);
      if (at >= start) {
        result = result.substring(0, start) + MASK + result.substring(at);
      }
    }
    int query = result.indexOf('?');
    if (query < 0) {
      return result;
    }
    int fragment = result.indexOf('#', query);
    String tail = fragment < 0 ? "" : result.substring(fragment);
    String[] params =
        result.substring(query + 1, fragment < 0 ? result.length() : fragment).split("&", -1);
    StringBuilder out = new StringBuilder(result.substring(0, query + 1));
    for (int i = 0; i < params.length; i++) {
      int eq = params[i].indexOf('=');
      String name = eq < 0 ? params[i] : params[i].substring(0, eq);
      out.append(i == 0 ? "" : "&")
          .append(eq >= 0 && isSensitive(name) ? name + "=" + MASK : params[i]);
    }
    return out.append(tail).toString();
  }
}
