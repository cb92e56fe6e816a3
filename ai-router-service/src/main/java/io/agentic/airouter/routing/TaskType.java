package io.agentic.airouter.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The task types an AI_PROCESSOR node may name; each has its own route. */
public enum TaskType {
  CONTENT_GENERATION,
  QUICK_DECISION,
  SENTIMENT_ANALYSIS,
  MATH_REASONING,
  LONG_CONTEXT,
  CODE_GENERATION,
  GENERAL;

  /** The name on the wire, e.g. {@code sentiment_analysis}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TaskType> fromWire(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
  }
}
