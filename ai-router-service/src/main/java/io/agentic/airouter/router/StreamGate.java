package io.agentic.airouter.router;

import io.agentic.airouter.provider.ProviderException;
import io.agentic.airouter.provider.ProviderException.Kind;
import io.agentic.airouter.routing.RouteTarget;
import java.util.function.Consumer;

/**
 * Passes one provider call's pieces to the listener, remembering whether any went out (after that,
 * no retry and no fallback may repeat them). Closed when the call ends, so a call abandoned at its
 * time limit cannot slip a late piece in after the router moved on.
 */
final class StreamGate implements Consumer<String> {

  private final RouteTarget target;
  private final AnswerStream stream;
  private boolean open = true;
  private boolean started;

  StreamGate(RouteTarget target, AnswerStream stream) {
    this.target = target;
    this.stream = stream;
  }

  @Override
  public synchronized void accept(String text) {
    if (!open || stream.cancelled()) {
      throw new ProviderException(Kind.CANCELLED, 0, "the answer is no longer awaited");
    }
    started = true;
    stream.delta(target, text);
  }

  synchronized boolean started() {
    return started;
  }

  /** Lets no more pieces through; returns whether any went out. */
  synchronized boolean close() {
    open = false;
    return started;
  }
}
