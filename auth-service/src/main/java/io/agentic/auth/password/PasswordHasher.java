package io.agentic.auth.password;

import io.agentic.auth.AuthProperties;
import io.agentic.platform.problem.ApiException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashing (OWASP: m = 19 MiB, t = 2, p = 1). Each hash costs 19 MiB and most of a
 * core for tens of milliseconds, so only a few run at once; a request that finds no free slot
 * within {@code agentic.auth.hash-wait} is answered 503 {@code BUSY} with {@code Retry-After},
 * which keeps a login flood from exhausting memory or starving the box.
 */
@Component
public class PasswordHasher {

  private static final int RETRY_AFTER_SECONDS = 1;

  private final PasswordEncoder encoder;
  private final Semaphore slots;
  private final long waitMillis;

  /**
   * Compared against when the user is unknown, so that answer takes as long as a wrong password.
   */
  private final String dummyHash;

  @Autowired
  PasswordHasher(AuthProperties properties) {
    this(
        new Argon2PasswordEncoder(16, 32, 1, 19456, 2),
        properties.hashConcurrency(),
        properties.hashWait().toMillis());
  }

  PasswordHasher(PasswordEncoder encoder, int concurrency, long waitMillis) {
    this.encoder = encoder;
    this.slots = new Semaphore(concurrency, true);
    this.waitMillis = waitMillis;
    this.dummyHash = encoder.encode(UUID.randomUUID().toString());
  }

  public String hash(String password) {
    return limited(() -> encoder.encode(password));
  }

  public boolean matches(String password, String hash) {
    return limited(() -> encoder.matches(password, hash));
  }

  /** Spends the time of a real comparison when there is no user to compare with. */
  public void matchNobody(String password) {
    limited(() -> encoder.matches(password, dummyHash));
  }

  private <T> T limited(Supplier<T> work) {
    boolean acquired;
    try {
      acquired = slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
    if (!acquired) {
      throw busy();
    }
    try {
      return work.get();
    } finally {
      slots.release();
    }
  }

  private static ApiException busy() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
    return new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "BUSY",
        "Too many sign-ins at once; try again shortly",
        List.of(),
        headers);
  }
}
