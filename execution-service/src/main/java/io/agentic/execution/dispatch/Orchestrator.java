package io.agentic.execution.dispatch;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.ExecutionCommand;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.execution.engine.Input;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * The orchestrator: consumes commands and step results, both keyed by execution id over equal
 * partition counts, so with the default range assignor one consumer owns all of an execution's
 * messages and is the single writer of its state. On assignment it relays whatever the previous
 * owner left unsent.
 */
@Component
class Orchestrator implements ConsumerSeekAware {

  private static final Logger log = LoggerFactory.getLogger(Orchestrator.class);

  private final Transitions transitions;
  private final OwnedPartitions owned;
  private final OutboxRelay relay;

  Orchestrator(Transitions transitions, OwnedPartitions owned, OutboxRelay relay) {
    this.transitions = transitions;
    this.owned = owned;
    this.relay = relay;
  }

  @KafkaListener(
      id = "execution-orchestrator",
      topics = {Topics.EXECUTION_COMMANDS, Topics.STEP_RESULTS},
      groupId = "${spring.kafka.consumer.group-id:execution-service}",
      containerFactory = ListenerConfig.PATIENT,
      concurrency = "${agentic.execution.orchestrator-concurrency:2}")
  void on(ConsumerRecord<String, Object> record) {
    Input input =
        switch (record.value()) {
          case ExecutionCommand command -> Input.of(command);
          case StepFinished result -> Input.of(result);
          case null, default -> null;
        };
    if (input == null) {
      log.warn("Ignoring an unexpected record on {}", record.topic());
      return;
    }
    String executionId =
        switch (record.value()) {
          case ExecutionCommand command -> command.executionId();
          case StepFinished result -> result.executionId();
          default -> record.key();
        };
    transitions.apply(executionId, input);
  }

  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    assignments.keySet().stream()
        .filter(tp -> tp.topic().equals(Topics.EXECUTION_COMMANDS))
        .forEach(tp -> owned.add(tp.partition()));
    // Off the consumer thread: relaying may take a while and must not delay the first poll.
    Thread.ofVirtual().name("outbox-relay-on-assign").start(relay::relayEverything);
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    partitions.stream()
        .filter(tp -> tp.topic().equals(Topics.EXECUTION_COMMANDS))
        .forEach(tp -> owned.remove(tp.partition()));
  }
}
