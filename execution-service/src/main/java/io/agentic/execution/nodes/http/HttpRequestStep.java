package io.agentic.execution.nodes.http;

import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.StepError;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.workflow.NodeType;
import io.agentic.execution.nodes.NodeStep;
import io.agentic.execution.redaction.Redaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * HTTP_REQUEST: sends the node's request through the SSRF guard and answers {@code {status,
 * headers, body}}. A status of 400 or more fails the node ({@code HTTP_STATUS}) unless {@code
 * acceptStatus} is {@code any}; 429, 5xx, timeouts and connection errors are retryable. Every
 * request carries {@code Idempotency-Key: <stepId>}, the same on every redirect hop and on every
 * delivery of the same attempt.
 */
@Component
public class HttpRequestStep implements NodeStep, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HttpRequestStep.class);

  private final HttpStepProperties properties;
  private final GuardedHttpClient http;
  private final Clock clock;

  @Autowired
  public HttpRequestStep(HttpStepProperties properties) {
    this(properties, new OutboundGuard(properties.allowHosts()), Clock.systemUTC());
  }

  HttpRequestStep(HttpStepProperties properties, OutboundGuard guard, Clock clock) {
    this.properties = properties;
    this.http = new GuardedHttpClient(guard, properties);
    this.clock = clock;
  }

  @Override
  public NodeType type() {
    return NodeType.HTTP_REQUEST;
  }

  @Override
  public StepFinished execute(ExecuteStep step) {
    Instant startedAt = clock.instant();
    try {
      HttpCall call = HttpCall.from(step.input());
      HttpReply reply = http.exchange(call, step.stepId(), timeout(call, step));
      if (reply.status() >= 400 && !call.acceptAnyStatus()) {
        throw new StepFailure(
            StepFailure.HTTP_STATUS,
            call.method() + " " + Redaction.url(call.url()) + " answered HTTP " + reply.status(),
            reply.status() == 429 || reply.status() >= 500);
      }
      return finished(step, startedAt, output(reply), null);
    } catch (StepFailure failure) {
      return finished(step, startedAt, null, failure.error());
    } catch (RuntimeException e) {
      // A bug, not the target's fault: do not retry it, do not leak its text.
      log.error("HTTP_REQUEST step {} failed unexpectedly", step.stepId(), e);
      return finished(
          step, startedAt, null, new StepError("INTERNAL_ERROR", "the HTTP request failed", false));
    }
  }

  /** The tightest of the node's timeoutMs, the step's budget and the configured default. */
  private Duration timeout(HttpCall call, ExecuteStep step) {
    Duration timeout = properties.defaultTimeout();
    if (call.timeoutMs() > 0) {
      timeout = min(timeout, Duration.ofMillis(call.timeoutMs()));
    }
    if (step.timeoutMs() > 0) {
      timeout = min(timeout, Duration.ofMillis(step.timeoutMs()));
    }
    return timeout;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Map<String, Object> output(HttpReply reply) {
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("status", reply.status());
    output.put("headers", Redaction.headers(reply.headers()));
    output.put("body", Redaction.json(ResponseBodies.parse(reply)));
    return output;
  }

  private StepFinished finished(
      ExecuteStep step, Instant startedAt, Object output, StepError error) {
    return new StepFinished(
        step.stepId(),
        step.executionId(),
        step.nodeId(),
        step.attempt(),
        error == null,
        output,
        error,
        null,
        startedAt,
        clock.instant());
  }

  @Override
  public void close() {
    http.close();
  }
}
