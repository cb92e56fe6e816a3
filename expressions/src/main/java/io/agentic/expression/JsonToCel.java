package io.agentic.expression;

import dev.cel.common.values.NullValue;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Function;

/**
 * JSON-like Java values as CEL sees them: integers are CEL {@code int} (Long), other numbers {@code
 * double}, null is CEL {@code null}. Maps and lists become read-only views that convert their items
 * when CEL reads them, so an expression touching one field of a large node output costs one field,
 * not a copy of the output.
 */
final class JsonToCel {

  private JsonToCel() {}

  static Object value(Object json) {
    return switch (json) {
      case null -> NullValue.NULL_VALUE;
      case String s -> s;
      case Boolean b -> b;
      case Long l -> l;
      case Double d -> d;
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case BigInteger big -> big.bitLength() < 64 ? big.longValue() : big.doubleValue();
      case Number n -> n.doubleValue();
      case Map<?, ?> map -> new MapView(map, JsonToCel::value);
      case List<?> list ->
          new ListView(list instanceof RandomAccess ? list : new ArrayList<>(list));
      case Collection<?> collection -> new ListView(new ArrayList<>(collection));
      case Object[] array -> new ListView(Arrays.asList(array));
      case Enum<?> e -> e.name();
      default -> json.toString();
    };
  }

  /** {@code nodes}: node id → {@code {output: value}}. */
  static Map<Object, Object> nodes(Map<String, Object> outputs) {
    return new MapView(outputs, output -> Map.of("output", value(output)));
  }

  /** A map whose values are converted when read. Keys that are not strings are shown as text. */
  static final class MapView extends AbstractMap<Object, Object> {
    private final Map<?, ?> source;
    private final Function<Object, Object> convert;

    MapView(Map<?, ?> source, Function<Object, Object> convert) {
      this.source = source;
      this.convert = convert;
    }

    @Override
    public int size() {
      return source.size();
    }

    @Override
    public boolean containsKey(Object key) {
      try {
        return source.containsKey(key);
      } catch (ClassCastException | NullPointerException unsupportedKey) {
        return false;
      }
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? convert.apply(source.get(key)) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return source.size();
        }

        @Override
        public Iterator<Entry<Object, Object>> iterator() {
          Iterator<? extends Entry<?, ?>> entries = source.entrySet().iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return entries.hasNext();
            }

            @Override
            public Entry<Object, Object> next() {
              Entry<?, ?> entry = entries.next();
              Object key = entry.getKey() instanceof String s ? s : String.valueOf(entry.getKey());
              return new SimpleImmutableEntry<>(key, convert.apply(entry.getValue()));
            }
          };
        }
      };
    }
  }

  /** A random-access list whose items are converted when read. */
  static final class ListView extends AbstractList<Object> implements RandomAccess {
    private final List<?> source;

    ListView(List<?> source) {
      this.source = source;
    }

    @Override
    public Object get(int index) {
      return value(source.get(index));
    }

    @Override
    public int size() {
      return source.size();
    }
  }
}
