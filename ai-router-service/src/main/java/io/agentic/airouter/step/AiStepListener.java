package io.agentic.airouter.step;

import io.agentic.airouter.metrics.RouterMetrics;
import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.platform.observability.AgenticMetrics;
import io.agentic.platform.observability.ExecutionLogContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * The AI step worker. Each poll brings a few steps; they run together on a bounded pool, and the
 * poll's offsets are committed once every one of them has its result recorded and published. A step
 * that already has a recorded result (a redelivery) is answered with it, without calling any
 * provider. Each step runs in the trace its record carries and with its execution id in the logs.
 */
class AiStepListener implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AiStepListener.class);

  static final String TRACEPARENT = "traceparent";

  private final AiStep step;
  private final RecordedSteps recorded;
  private final StepResults results;
  private final ExecutorService pool;
  private final Tracing tracing;
  private final RouterMetrics metrics;
  private volatile boolean closing;

  AiStepListener(
      AiStep step,
      RecordedSteps recorded,
      StepResults results,
      ExecutorService pool,
      Tracing tracing,
      RouterMetrics metrics) {
    this.step = step;
    this.recorded = recorded;
    this.results = results;
    this.pool = pool;
    this.tracing = tracing;
    this.metrics = metrics;
  }

  /**
   * Runs a step in the trace of the record that brought it. A batch listener has no observation of
   * its own per record, so the step's spans (provider calls, the result sent) would otherwise start
   * traces of their own.
   */
  @FunctionalInterface
  interface Tracing {

    /** Where tracing is off: the work simply runs. */
    Tracing NONE = (traceParent, work) -> work.run();

    void run(String traceParent, Runnable work);
  }

  @KafkaListener(
      id = "ai-steps",
      idIsGroup = false,
      topics = Topics.STEPS_AI,
      containerFactory = StepWorkerConfiguration.CONTAINER_FACTORY,
      properties = "max.poll.records=${agentic.ai.worker.max-poll-records:4}")
  void onSteps(List<ConsumerRecord<String, Object>> records) throws InterruptedException {
    List<Future<?>> running = new ArrayList<>(records.size());
    for (ConsumerRecord<String, Object> record : records) {
      running.add(
          record.value() instanceof ExecuteStep execute
              ? pool.submit(() -> tracing.run(traceParent(record), () -> handle(execute)))
              : null);
    }
    // The first record that could not be handled decides where the batch resumes: those before
    // it are committed, it is retried (then dead-lettered), those after it are redelivered and
    // answered from their recorded results.
    for (int i = 0; i < running.size(); i++) {
      Future<?> future = running.get(i);
      if (future == null) {
        throw new BatchListenerFailedException("Unreadable AI step", i);
      }
      try {
        future.get();
      } catch (ExecutionException e) {
        log.warn("AI step at offset {} not finished: {}", records.get(i).offset(), e.getCause());
        throw new BatchListenerFailedException("AI step failed", e.getCause(), i);
      }
    }
  }

  /**
   * Interrupts the running steps. Their outcome says nothing about the providers, so it is neither
   * recorded nor published: the steps' offsets stay uncommitted and another instance runs them.
   */
  @Override
  public void close() {
    closing = true;
    pool.shutdownNow();
  }

  private void handle(ExecuteStep execute) {
    if (execute.stepId() == null || execute.executionId() == null) {
      throw new IllegalArgumentException("an AI step needs a stepId and an executionId");
    }
    try (var logs = ExecutionLogContext.open(execute.executionId())) {
      StepFinished result =
          recorded.find(execute.stepId()).orElseGet(() -> recorded.record(runFresh(execute)));
      results.publish(result);
    }
  }

  private StepFinished runFresh(ExecuteStep execute) {
    long start = System.nanoTime();
    AiStep.Ran ran = step.run(execute);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (closing) {
      metrics.step(AgenticMetrics.CANCELLED, took);
      throw new IllegalStateException(
          "shutting down: step " + execute.stepId() + " left for redelivery");
    }
    metrics.step(
        ran.timedOut()
            ? AgenticMetrics.TIMEOUT
            : ran.result().succeeded() ? AgenticMetrics.SUCCESS : AgenticMetrics.FAILURE,
        took);
    return ran.result();
  }

  private static String traceParent(ConsumerRecord<?, ?> record) {
    Header header = record.headers().lastHeader(TRACEPARENT);
    return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
  }
}
