package io.agentic.airouter.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads how long a provider asks us to wait: {@code Retry-After} in seconds or as an HTTP date. */
public final class RetryAfter {

  private static final Duration LONGEST = Duration.ofDays(1);
  private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");
  private static final Pattern PROTOBUF_DURATION = Pattern.compile("(\\d{1,9})(\\.\\d+)?s");

  private RetryAfter() {}

  public static Optional<Duration> parse(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    if (SECONDS.matcher(value).matches()) {
      return Optional.of(cap(Duration.ofSeconds(Long.parseLong(value))));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(cap(wait.isNegative() ? Duration.ZERO : wait));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Gemini's {@code RetryInfo.retryDelay} in an error body, e.g. {@code "31s"} or {@code "1.5s"}.
   */
  public static Optional<Duration> parseProtobufDuration(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Matcher m = PROTOBUF_DURATION.matcher(value.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    long millis = Long.parseLong(m.group(1)) * 1000;
    if (m.group(2) != null) {
      String fraction = (m.group(2).substring(1) + "000").substring(0, 3);
      millis += Long.parseLong(fraction);
    }
    return Optional.of(cap(Duration.ofMillis(millis)));
  }

  private static Duration cap(Duration wait) {
    return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
  }
}
