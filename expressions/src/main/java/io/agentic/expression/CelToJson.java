package io.agentic.expression;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.CelType;
import dev.cel.common.types.TypeType;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CEL result as a plain JSON tree: Long, Double, String, Boolean, null, {@code Map<String,
 * Object>}, {@code List<Object>}. Unsigned ints become Long, bytes base64 text, timestamps and
 * durations ISO-8601 text, map keys text. The copy is bounded: a result that refers many times to
 * the same large value (cheap inside CEL) would otherwise explode while being copied out; the copy
 * also stays within the evaluation's time budget.
 */
final class CelToJson {

  private static final int UNITS_BETWEEN_CLOCK_CHECKS = 4096;

  private final EvaluationBudget budget;
  private long unitsLeft;
  private long unitsUntilClockCheck = UNITS_BETWEEN_CLOCK_CHECKS;

  private CelToJson(EvaluationBudget budget) {
    this.budget = budget;
    this.unitsLeft = budget.maxUnits();
  }

  static Object convert(Object celValue, EvaluationBudget budget) {
    return new CelToJson(budget).json(celValue);
  }

  private Object json(Object value) {
    spend(1);
    return switch (value) {
      case null -> null;
      case NullValue ignored -> null;
      case com.google.protobuf.NullValue ignored -> null;
      case String s -> {
        spend(s.length());
        yield s;
      }
      case Boolean b -> b;
      case Long l -> l;
      case Double d -> d;
      case Float f -> f.doubleValue();
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case UnsignedLong unsigned -> unsigned(unsigned);
      case Number other -> other.doubleValue();
      case CelByteString bytes -> {
        spend(bytes.size());
        yield Base64.getEncoder().encodeToString(bytes.toByteArray());
      }
      case Instant instant -> instant.toString();
      case Duration duration -> duration.toString();
      case TypeType type -> type.type().name();
      case CelType type -> type.name();
      case Map<?, ?> map -> {
        Map<String, Object> json = LinkedHashMap.newLinkedHashMap(map.size());
        map.forEach((key, item) -> json.put(key(key), json(item)));
        yield json;
      }
      case Collection<?> collection -> {
        List<Object> json = new ArrayList<>(collection.size());
        collection.forEach(item -> json.add(json(item)));
        yield json;
      }
      default -> throw EvaluationAbort.error("its result is a value that JSON cannot hold");
    };
  }

  /** CEL's uint: a Long when it fits, else a double. */
  private static Object unsigned(UnsignedLong value) {
    return value.compareTo(UnsignedLong.valueOf(Long.MAX_VALUE)) <= 0
        ? (Object) value.longValue()
        : (Object) value.doubleValue();
  }

  private String key(Object key) {
    Object json = json(key);
    return json instanceof String s ? s : String.valueOf(json);
  }

  private void spend(long units) {
    unitsLeft -= units;
    if (unitsLeft < 0) {
      throw EvaluationAbort.limit(
          "its result is larger than " + budget.maxUnits() + " characters and list or map items");
    }
    unitsUntilClockCheck -= units;
    if (unitsUntilClockCheck < 0) {
      unitsUntilClockCheck = UNITS_BETWEEN_CLOCK_CHECKS;
      budget.checkTime();
    }
  }
}
