package io.agentic.analytics.topology;

import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Lets each fact through once, by its event id: delivery is at least once, so the same record can
 * arrive twice (a producer retry, an outbox relayed again after a restart). Ids are remembered in a
 * changelogged window store for {@code retention} around their event time (Confluent's
 * event-deduplication example), so the store drops old ids by itself.
 */
final class Deduplicate implements FixedKeyProcessorSupplier<String, Fact, Fact> {

  private final String storeName;
  private final Duration retention;

  Deduplicate(String storeName, Duration retention) {
    this.storeName = storeName;
    this.retention = retention;
  }

  @Override
  public FixedKeyProcessor<String, Fact, Fact> get() {
    return new FixedKeyProcessor<>() {
      private FixedKeyProcessorContext<String, Fact> context;
      private WindowStore<String, Long> seen;

      @Override
      public void init(FixedKeyProcessorContext<String, Fact> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
      }

      @Override
      public void process(FixedKeyRecord<String, Fact> record) {
        String eventId = record.value().eventId();
        if (eventId == null) {
          context.forward(record);
          return;
        }
        long at = record.timestamp();
        long window = retention.toMillis();
        try (WindowStoreIterator<Long> earlier =
            seen.fetch(eventId, Math.max(0, at - window), at + window)) {
          if (earlier.hasNext()) {
            return;
          }
        }
        seen.put(eventId, at, at);
        context.forward(record);
      }
    };
  }

  @Override
  public Set<StoreBuilder<?>> stores() {
    return Set.of(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(storeName, retention, retention, false),
            Serdes.String(),
            Serdes.Long()));
  }
}
