package io.agentic.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * auth-service's API-key exchange, as the fake auth-service answers it: keys registered by the
 * tests, tokens signed with {@link Tokens#KEY} carrying {@code fam = key:<id>} and {@code scope},
 * 401 for anything else, 403 without the gateway secret.
 */
public final class FakeKeys {

  public static final String GATEWAY_SECRET = "gateway-it-secret";
  public static final String PATH = "/api/auth/api-keys/exchange";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final Pattern KEY_FIELD = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]*)\"");

  /** Who a key belongs to; {@code failWith} > 0 makes its exchange answer that status instead. */
  public record Owner(String userId, String role, String scope, String keyId, int failWith) {}

  private static final Map<String, Owner> KEYS = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> EXCHANGES = new ConcurrentHashMap<>();

  private FakeKeys() {}

  /** A new key of a fresh user with every scope. */
  public static String newKey() {
    return newKey(UUID.randomUUID().toString(), "user", "workflows:read workflows:write");
  }

  public static String newKey(String userId, String role, String scope) {
    String id = random(12);
    String key = "agk_" + id + "_" + random(43);
    KEYS.put(key, new Owner(userId, role, scope, id, 0));
    return key;
  }

  /** A key whose exchange fails with {@code status} (auth-service in trouble). */
  public static String failingKey(int status) {
    String id = random(12);
    String key = "agk_" + id + "_" + random(43);
    KEYS.put(key, new Owner(UUID.randomUUID().toString(), "user", "ai:use", id, status));
    return key;
  }

  public static Owner owner(String key) {
    return KEYS.get(key);
  }

  /** Like auth-service deleting it: exchanges answer 401 from now on. */
  public static void delete(String key) {
    KEYS.remove(key);
  }

  /** How many times the gateway exchanged {@code key}. */
  public static int exchangesOf(String key) {
    return EXCHANGES.getOrDefault(key, new AtomicInteger()).get();
  }

  static void respond(HttpExchange exchange, FakeService.Received received) throws IOException {
    if (!GATEWAY_SECRET.equals(received.header("X-Gateway-Secret"))) {
      FakeService.json(exchange, 403, "{\"code\":\"FORBIDDEN\"}");
      return;
    }
    Matcher field = KEY_FIELD.matcher(received.body());
    String key = field.find() ? field.group(1) : "";
    EXCHANGES.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    Owner owner = KEYS.get(key);
    if (owner == null) {
      FakeService.json(exchange, 401, "{\"code\":\"INVALID_API_KEY\"}");
      return;
    }
    if (owner.failWith() > 0) {
      FakeService.json(exchange, owner.failWith(), "{\"code\":\"INTERNAL\"}");
      return;
    }
    Instant now = Instant.now();
    String token =
        Tokens.signed(
            Tokens.KEY,
            Tokens.claims()
                .subject(owner.userId())
                .claim("role", owner.role())
                .claim("fam", "key:" + owner.keyId())
                .claim("scope", owner.scope())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .build());
    FakeService.json(exchange, 200, "{\"accessToken\":\"" + token + "\",\"expiresIn\":300}");
  }

  private static String random(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
    }
    return out.toString();
  }
}
