package io.agentic.gateway.ratelimit;

import io.agentic.gateway.GatewayServiceProperties;
import io.agentic.gateway.GatewayServiceProperties.LoginLimits;
import io.agentic.gateway.redis.RedisOutage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Failed sign-ins, counted in Redis in fixed windows that start at the first failure:
 *
 * <ul>
 *   <li>{@code gateway:login:fail:acct-ip:<account>:<address>} — one account from one address;
 *   <li>{@code gateway:login:fail:acct:<account>} — one account from anywhere (looser);
 *   <li>{@code gateway:login:fail:ip:<address>} — one address, any account.
 * </ul>
 *
 * The account is the SHA-256 of the lower-cased login, so Redis never holds anyone's username or
 * email. A success clears the account-and-address count only: the other two are ceilings against
 * attackers that also own one working account.
 */
@Component
class LoginAttempts {

  static final String PREFIX = "gateway:login:fail:";

  /** Returns the longest remaining window (ms) among the counts at their limit, 0 if none. */
  private static final RedisScript<Long> BLOCKED_FOR =
      RedisScript.of(
          """
          local wait = 0
          for i, key in ipairs(KEYS) do
            local count = tonumber(redis.call('GET', key) or '0')
            if count >= tonumber(ARGV[i]) then
              local ttl = redis.call('PTTL', key)
              if ttl > wait then
                wait = ttl
              end
            end
          end
          return wait
          """,
          Long.class);

  /** Counts one failure in each key; a window starts with its first failure. */
  private static final RedisScript<Long> RECORD_FAILURE =
      RedisScript.of(
          """
          for i, key in ipairs(KEYS) do
            redis.call('INCR', key)
            if redis.call('PTTL', key) < 0 then
              redis.call('PEXPIRE', key, ARGV[i])
            end
          end
          return 0
          """,
          Long.class);

  private final ReactiveStringRedisTemplate redis;
  private final LoginLimits limits;

  LoginAttempts(ReactiveStringRedisTemplate redis, GatewayServiceProperties properties) {
    this.redis = redis;
    this.limits = properties.loginLimits();
  }

  /** The counters that apply to a sign-in as {@code login} (null if unknown) from {@code ip}. */
  record Counters(List<String> keys, List<String> limits, List<String> windows) {}

  Counters countersFor(String login, String ip) {
    List<String> keys = new ArrayList<>(3);
    List<String> max = new ArrayList<>(3);
    List<String> windows = new ArrayList<>(3);
    if (login != null) {
      String account = account(login);
      keys.add(PREFIX + "acct-ip:" + account + ":" + ip);
      max.add(Integer.toString(limits.accountAndIpFailures()));
      windows.add(Long.toString(limits.accountAndIpWindow().toMillis()));
      keys.add(PREFIX + "acct:" + account);
      max.add(Integer.toString(limits.accountFailures()));
      windows.add(Long.toString(limits.accountWindow().toMillis()));
    }
    keys.add(PREFIX + "ip:" + ip);
    max.add(Integer.toString(limits.ipFailures()));
    windows.add(Long.toString(limits.ipWindow().toMillis()));
    return new Counters(List.copyOf(keys), List.copyOf(max), List.copyOf(windows));
  }

  /** How long sign-ins under these counters are refused; zero when they may proceed. */
  Mono<Duration> blockedFor(Counters counters) {
    return redis
        .execute(BLOCKED_FOR, counters.keys(), counters.limits())
        .next()
        .timeout(RedisOutage.CALL_TIMEOUT)
        .map(Duration::ofMillis)
        .defaultIfEmpty(Duration.ZERO);
  }

  Mono<Void> recordFailure(Counters counters) {
    return redis
        .execute(RECORD_FAILURE, counters.keys(), counters.windows())
        .next()
        .timeout(RedisOutage.CALL_TIMEOUT)
        .then();
  }

  /** A successful sign-in clears its account-and-address count. */
  Mono<Void> recordSuccess(Counters counters) {
    if (counters.keys().size() < 3) {
      return Mono.empty();
    }
    return redis.delete(counters.keys().getFirst()).timeout(RedisOutage.CALL_TIMEOUT).then();
  }

  private static String account(String login) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(login.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
