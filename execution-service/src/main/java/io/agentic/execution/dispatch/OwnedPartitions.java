package io.agentic.execution.dispatch;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The partitions of {@code execution.commands.v1} this instance's orchestrator consumes now: it is
 * the single writer of their executions, so it alone relays their outboxes and fires their timers.
 */
@Component
public class OwnedPartitions {

  private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

  public Set<Integer> current() {
    return Set.copyOf(owned);
  }

  void add(int partition) {
    owned.add(partition);
  }

  void remove(int partition) {
    owned.remove(partition);
  }
}
