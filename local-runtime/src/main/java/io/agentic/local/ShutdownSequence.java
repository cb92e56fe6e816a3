package io.agentic.local;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What local mode has started, stopped in reverse order exactly once, from whichever thread gets
 * there first: the shutdown hook (Ctrl-C), a failed start, or a test's {@code close()}. Anything
 * added after that is stopped at once.
 */
final class ShutdownSequence implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ShutdownSequence.class);

  private record Step(String name, AutoCloseable resource) {}

  private final Deque<Step> steps = new ArrayDeque<>();
  private boolean closed;

  /** Registers something started; stops it right away if the sequence has already run. */
  <T extends AutoCloseable> T add(String name, T resource) {
    boolean stopNow;
    synchronized (this) {
      stopNow = closed;
      if (!stopNow) {
        steps.push(new Step(name, resource));
      }
    }
    if (stopNow) {
      stop(new Step(name, resource));
      throw new IllegalStateException("local mode is shutting down");
    }
    return resource;
  }

  synchronized boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    while (true) {
      Step step;
      synchronized (this) {
        closed = true;
        step = steps.poll();
      }
      if (step == null) {
        return;
      }
      stop(step);
    }
  }

  private static void stop(Step step) {
    long began = System.nanoTime();
    try {
      step.resource().close();
      log.debug("{} stopped in {} ms", step.name(), (System.nanoTime() - began) / 1_000_000);
    } catch (Exception e) {
      log.warn("{} did not stop cleanly: {}", step.name(), e.toString());
    }
  }
}
