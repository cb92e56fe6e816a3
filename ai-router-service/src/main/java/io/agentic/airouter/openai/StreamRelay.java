package io.agentic.airouter.openai;

import io.agentic.airouter.router.AiOutcome;
import io.agentic.airouter.router.AnswerStream;
import io.agentic.airouter.routing.RouteTarget;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Carries a streamed answer from the thread reading the provider to the thread writing to the
 * client, so that a slow client never holds up the provider's stream (nor makes it count against
 * the provider's time limit). Unbounded, but an answer is bounded by the provider response limit.
 */
final class StreamRelay implements AnswerStream {

  /** What the reading side saw. */
  sealed interface Event permits Piece, Finished {}

  /** A piece of the answer and who sent it. */
  record Piece(RouteTarget from, String text) implements Event {}

  /** The router's outcome: always the last event. */
  record Finished(AiOutcome outcome) implements Event {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private volatile boolean cancelled;

  @Override
  public void delta(RouteTarget from, String text) {
    events.add(new Piece(from, text));
  }

  @Override
  public boolean cancelled() {
    return cancelled;
  }

  void finish(AiOutcome outcome) {
    events.add(new Finished(outcome));
  }

  /** The client went away: the provider's stream is abandoned at its next piece. */
  void cancel() {
    cancelled = true;
  }

  /** The next event, or empty when none came within {@code wait}. */
  Optional<Event> next(Duration wait) throws InterruptedException {
    return Optional.ofNullable(events.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
  }
}
