package io.agentic.airouter.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  final Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void readsSeconds() {
    assertThat(RetryAfter.parse("3", clock)).contains(Duration.ofSeconds(3));
    assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
  }

  @Test
  void readsAnHttpDateRelativeToNow() {
    assertThat(RetryAfter.parse("Wed, 01 Jan 2025 00:00:30 GMT", clock))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Tue, 31 Dec 2024 23:00:00 GMT", clock)).contains(Duration.ZERO);
  }

  @Test
  void ignoresWhatItCannotRead() {
    assertThat(RetryAfter.parse(null, clock)).isEmpty();
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    assertThat(RetryAfter.parse("-5", clock)).isEmpty();
  }

  @Test
  void capsAbsurdWaitsAtADay() {
    assertThat(RetryAfter.parse("999999999", clock)).contains(Duration.ofDays(1));
  }

  @Test
  void readsProtobufDurations() {
    assertThat(RetryAfter.parseProtobufDuration("31s")).contains(Duration.ofSeconds(31));
    assertThat(RetryAfter.parseProtobufDuration("1.25s")).contains(Duration.ofMillis(1250));
    assertThat(RetryAfter.parseProtobufDuration("1m")).isEmpty();
  }
}
