package io.agentic.execution.nodes.database;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.UuidRepresentation;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Between the node's JSON values and BSON. Values are converted as values, never parsed as text, so
 * a string such as {@code "{\"$gt\": \"\"}"} stays a string. Going out, ObjectIds become their hex
 * strings and dates ISO-8601 strings, so an output is plain JSON.
 */
final class BsonValues {

  private static final Pattern OBJECT_ID = Pattern.compile("^[0-9a-fA-F]{24}$");
  private static final String ID = "_id";

  private BsonValues() {}

  /** A JSON object (a document, an update) as BSON. */
  static BsonDocument document(Map<?, ?> map) {
    BsonDocument document = new BsonDocument();
    map.forEach((key, value) -> document.append(String.valueOf(key), value(value)));
    return document;
  }

  /**
   * A filter as BSON. Because outputs show {@code _id} as a string, a 24-hex-digit string compared
   * with {@code _id} (directly, or in {@code $eq}, {@code $ne}, {@code $in}, {@code $nin}) matches
   * the ObjectId with those digits as well as the string itself.
   */
  static BsonDocument filter(Map<?, ?> map) {
    BsonDocument document = new BsonDocument();
    map.forEach(
        (key, value) -> {
          String name = String.valueOf(key);
          BsonValue converted =
              switch (name) {
                case ID -> idCondition(value);
                case "$and", "$or", "$nor" -> filterList(value);
                default -> value(value);
              };
          document.append(name, converted);
        });
    return document;
  }

  private static BsonValue filterList(Object value) {
    if (!(value instanceof List<?> list)) {
      return value(value);
    }
    BsonArray array = new BsonArray();
    for (Object item : list) {
      array.add(item instanceof Map<?, ?> clause ? filter(clause) : value(item));
    }
    return array;
  }

  private static BsonValue idCondition(Object value) {
    if (value instanceof String s && OBJECT_ID.matcher(s).matches()) {
      return new BsonDocument("$in", eitherId(s));
    }
    if (!(value instanceof Map<?, ?> operators)) {
      return value(value);
    }
    BsonDocument condition = new BsonDocument();
    operators.forEach(
        (key, operand) -> {
          String operator = String.valueOf(key);
          if ((operator.equals("$eq") || operator.equals("$ne"))
              && operand instanceof String s
              && OBJECT_ID.matcher(s).matches()
              && !operators.containsKey(operator.equals("$eq") ? "$in" : "$nin")) {
            condition.append(operator.equals("$eq") ? "$in" : "$nin", eitherId(s));
          } else if ((operator.equals("$in") || operator.equals("$nin"))
              && operand instanceof List<?> items) {
            BsonArray expanded = new BsonArray();
            for (Object item : items) {
              if (item instanceof String s && OBJECT_ID.matcher(s).matches()) {
                expanded.addAll(eitherId(s));
              } else {
                expanded.add(value(item));
              }
            }
            condition.append(operator, expanded);
          } else {
            condition.append(operator, value(operand));
          }
        });
    return condition;
  }

  private static BsonArray eitherId(String hex) {
    return new BsonArray(List.of(new BsonObjectId(new ObjectId(hex)), new BsonString(hex)));
  }

  static BsonValue value(Object value) {
    return switch (value) {
      case null -> BsonNull.VALUE;
      case BsonValue bson -> bson;
      case String s -> new BsonString(s);
      case Boolean b -> BsonBoolean.valueOf(b);
      case Integer i -> new BsonInt32(i);
      case Short s -> new BsonInt32(s);
      case Byte b -> new BsonInt32(b);
      case Long l -> new BsonInt64(l);
      case Double d -> new BsonDouble(d);
      case Float f -> new BsonDouble(f);
      case BigInteger big -> bigInteger(big);
      case BigDecimal decimal -> decimal(decimal);
      case Map<?, ?> map -> document(map);
      case List<?> list -> array(list);
      case Object[] items -> array(List.of(items));
      case Instant instant -> new BsonDateTime(instant.toEpochMilli());
      case Date date -> new BsonDateTime(date.getTime());
      case UUID uuid -> new BsonString(uuid.toString());
      case Character c -> new BsonString(c.toString());
      case Enum<?> e -> new BsonString(e.name());
      case TemporalAccessor temporal -> new BsonString(temporal.toString());
      default ->
          throw DatabaseFailure.invalid(
              "a value of type " + value.getClass().getSimpleName() + " cannot be stored");
    };
  }

  private static BsonArray array(List<?> list) {
    BsonArray array = new BsonArray(new ArrayList<>(list.size()));
    for (Object item : list) {
      array.add(value(item));
    }
    return array;
  }

  private static BsonValue bigInteger(BigInteger big) {
    if (big.bitLength() < 64) {
      return new BsonInt64(big.longValue());
    }
    return decimal(new BigDecimal(big));
  }

  private static BsonValue decimal(BigDecimal decimal) {
    try {
      return new BsonDecimal128(new Decimal128(decimal));
    } catch (NumberFormatException | ArithmeticException e) {
      throw DatabaseFailure.invalid("the number " + abbreviated(decimal) + " cannot be stored");
    }
  }

  private static String abbreviated(BigDecimal decimal) {
    String text = decimal.toString();
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  /** A stored document as plain JSON values, its {@code _id} as a string. */
  static Map<String, Object> json(BsonDocument document) {
    Map<String, Object> json = new LinkedHashMap<>();
    document.forEach((key, value) -> json.put(key, ID.equals(key) ? idString(value) : json(value)));
    return json;
  }

  /** An {@code _id} as a string: the hex digits of an ObjectId, the text of anything else. */
  static String idString(BsonValue id) {
    Object json = json(id);
    return json instanceof String s ? s : String.valueOf(json);
  }

  static Object json(BsonValue value) {
    return switch (value.getBsonType()) {
      case DOCUMENT -> json(value.asDocument());
      case ARRAY -> {
        List<Object> list = new ArrayList<>(value.asArray().size());
        value.asArray().forEach(item -> list.add(json(item)));
        yield list;
      }
      case STRING -> value.asString().getValue();
      case INT32 -> value.asInt32().getValue();
      case INT64 -> value.asInt64().getValue();
      case DOUBLE -> {
        double d = value.asDouble().getValue();
        // JSON has no NaN or infinities.
        yield Double.isFinite(d) ? (Object) d : Double.toString(d);
      }
      case DECIMAL128 -> {
        Decimal128 d = value.asDecimal128().getValue();
        yield d.isNaN() || d.isInfinite() ? d.toString() : d.bigDecimalValue();
      }
      case BOOLEAN -> value.asBoolean().getValue();
      case OBJECT_ID -> value.asObjectId().getValue().toHexString();
      case DATE_TIME -> Instant.ofEpochMilli(value.asDateTime().getValue()).toString();
      case TIMESTAMP -> Instant.ofEpochSecond(value.asTimestamp().getTime()).toString();
      case BINARY -> binary(value.asBinary());
      case SYMBOL -> value.asSymbol().getSymbol();
      case JAVASCRIPT -> value.asJavaScript().getCode();
      case REGULAR_EXPRESSION ->
          "/"
              + value.asRegularExpression().getPattern()
              + "/"
              + value.asRegularExpression().getOptions();
      case NULL, UNDEFINED, MIN_KEY, MAX_KEY, END_OF_DOCUMENT -> null;
      default -> value.toString();
    };
  }

  private static String binary(BsonBinary binary) {
    byte type = binary.getType();
    if ((type == BsonBinarySubType.UUID_STANDARD.getValue()) && binary.getData().length == 16) {
      return binary.asUuid(UuidRepresentation.STANDARD).toString();
    }
    return Base64.getEncoder().encodeToString(binary.getData());
  }
}
