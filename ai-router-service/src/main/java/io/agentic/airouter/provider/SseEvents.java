package io.agentic.airouter.provider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** Reads a {@code text/event-stream}: hands each event's {@code data} to a consumer. */
final class SseEvents {

  private SseEvents() {}

  /**
   * Calls {@code onData} with each event's data (multi-line data joined by {@code \n}) until the
   * stream ends or {@code onData} returns false. Comments and other fields are ignored.
   */
  static void forEachData(InputStream in, Predicate<String> onData) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    StringBuilder data = null;
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isEmpty()) {
        if (data != null && !onData.test(data.toString())) {
          return;
        }
        data = null;
      } else if (line.startsWith("data:")) {
        String value = line.substring(5);
        value = value.startsWith(" ") ? value.substring(1) : value;
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
    }
    if (data != null) {
      onData.test(data.toString());
    }
  }
}
