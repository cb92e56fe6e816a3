package io.agentic.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentic.platform.problem.ApiException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHasherTest {

  @Test
  void hashesWithArgon2idAndMatches() {
    PasswordHasher hasher =
        new PasswordHasher(new Argon2PasswordEncoder(16, 32, 1, 19456, 2), 1, 1000);

    String hash = hasher.hash("a-long-enough-password");

    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(hasher.matches("a-long-enough-password", hash)).isTrue();
    assertThat(hasher.matches("another-password", hash)).isFalse();
    hasher.matchNobody("whatever"); // does not throw
  }

  @Test
  void answersBusyWhenNoHashingSlotFreesInTime() throws Exception {
    // given one slot, held by a hash that waits for the test to let it finish
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    PasswordHasher hasher = new PasswordHasher(new BlockingEncoder(started, release), 1, 50);
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var first = executor.submit(() -> hasher.hash("first"));
      started.await();

      // when another hash is asked for
      // then it is refused with 503 BUSY and a Retry-After
      assertThatThrownBy(() -> hasher.hash("second"))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(e.code()).isEqualTo("BUSY");
                assertThat(e.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
              });

      // and once the slot is free, hashing works again
      release.countDown();
      assertThat(first.get()).isEqualTo("hash:first");
      assertThat(hasher.hash("third")).isEqualTo("hash:third");
    }
  }

  /** Holds its slot until released; counts only calls after construction's dummy hash. */
  private static final class BlockingEncoder implements PasswordEncoder {
    private final CountDownLatch started;
    private final CountDownLatch release;
    private int calls;

    BlockingEncoder(CountDownLatch started, CountDownLatch release) {
      this.started = started;
      this.release = release;
    }

    @Override
    public synchronized String encode(CharSequence raw) {
      if (calls++ == 1) {
        started.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return "hash:" + raw;
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      return encoded.equals("hash:" + raw);
    }
  }
}
