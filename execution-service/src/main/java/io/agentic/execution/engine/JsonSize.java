package io.agentic.execution.engine;

import io.agentic.platform.kafka.ContractJson;
import java.io.OutputStream;

/** The size of a value as the JSON it is stored and sent as, counted without keeping the bytes. */
final class JsonSize {

  private JsonSize() {}

  static long of(Object value) {
    if (value == null) {
      return 4;
    }
    Counter counter = new Counter();
    try {
      ContractJson.mapper().writeValue(counter, value);
    } catch (RuntimeException e) {
      // Node outputs are JSON values; should one not serialize, it is kept inline as it was.
      return 0;
    }
    return counter.count;
  }

  private static final class Counter extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
