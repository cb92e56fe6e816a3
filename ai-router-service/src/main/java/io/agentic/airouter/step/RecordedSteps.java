package io.agentic.airouter.step;

import io.agentic.contracts.execution.StepFinished;
import io.agentic.platform.kafka.ContractJson;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Step results by step id, in MongoDB, kept a week (a TTL index; redeliveries come much sooner).
 */
final class RecordedSteps {

  private static final Logger log = LoggerFactory.getLogger(RecordedSteps.class);
  static final Duration KEEP = Duration.ofDays(7);

  private final MongoTemplate mongo;
  private final Clock clock;

  RecordedSteps(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  void ensureIndexes() {
    try {
      mongo
          .indexOps(RecordedStep.class)
          .createIndex(new Index().on("recordedAt", Sort.Direction.ASC).expire(KEEP));
    } catch (RuntimeException e) {
      log.warn("Could not create the step_results TTL index: {}", e.getMessage());
    }
  }

  Optional<StepFinished> find(String stepId) {
    return Optional.ofNullable(mongo.findById(stepId, RecordedStep.class)).map(RecordedSteps::read);
  }

  /**
   * Records {@code result} unless the step already has one (a concurrent redelivery finished
   * first); returns the result that is recorded.
   */
  StepFinished record(StepFinished result) {
    try {
      mongo.insert(
          new RecordedStep(
              result.stepId(),
              result.executionId(),
              ContractJson.mapper().writeValueAsString(result),
              clock.instant()));
      return result;
    } catch (DuplicateKeyException e) {
      return find(result.stepId()).orElse(result);
    }
  }

  private static StepFinished read(RecordedStep step) {
    return ContractJson.mapper().readValue(step.result(), StepFinished.class);
  }
}
