package io.agentic.execution.store;

import io.agentic.execution.engine.Effect;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;

/**
 * Something a transition still has to do outside its document, stored in the document by the same
 * update as the transition: publish a message, or schedule or drop a timer. Done in order, then
 * removed.
 *
 * @param kind {@link #MESSAGE}, {@link #TIMER} or {@link #UNTIMER}
 * @param topic the topic of a message
 * @param payload the message as JSON, or the {@link Timer} as JSON, or the id of the timer to drop
 */
public record OutboxEntry(
    String id, String kind, String topic, String key, String payload, Instant createdAt) {

  public static final String MESSAGE = "message";
  public static final String TIMER = "timer";
  public static final String UNTIMER = "untimer";

  public static OutboxEntry message(String topic, String key, Object record, Instant now) {
    return new OutboxEntry(newId(), MESSAGE, topic, key, StateJson.write(record), now);
  }

  public static OutboxEntry timer(
      String executionId, int partition, Effect.ScheduleTimer timer, Instant now) {
    Timer entry =
        new Timer(
            timer.timerId(),
            executionId,
            partition,
            timer.kind(),
            timer.nodeId(),
            timer.attempt(),
            timer.dueAt());
    return new OutboxEntry(newId(), TIMER, null, executionId, StateJson.write(entry), now);
  }

  public static OutboxEntry untimer(String executionId, String timerId, Instant now) {
    return new OutboxEntry(newId(), UNTIMER, null, executionId, timerId, now);
  }

  Document toDocument() {
    return new Document("id", id)
        .append("kind", kind)
        .append("topic", topic)
        .append("key", key)
        .append("payload", payload)
        .append("createdAt", Dates.toDate(createdAt));
  }

  static OutboxEntry from(Document d) {
    return new OutboxEntry(
        d.getString("id"),
        d.getString("kind"),
        d.getString("topic"),
        d.getString("key"),
        d.getString("payload"),
        Dates.toInstant(d.getDate("createdAt")));
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
