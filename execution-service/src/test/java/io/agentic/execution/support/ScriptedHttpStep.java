package io.agentic.execution.support;

import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.StepError;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.workflow.NodeType;
import io.agentic.execution.nodes.NodeStep;
import io.agentic.platform.observability.ExecutionLogContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Stands in for the real HTTP_REQUEST step: no network, an answer scripted by the URL. A URL
 * containing a token listed in {@link #failing} fails (retryable); one containing {@code /broken}
 * fails for good; one containing {@code /flaky-once} fails its first attempt (retryable); any other
 * succeeds with {@code {status: 200, headers, body: {method, url, echo}}}. A URL containing {@code
 * /slow/<key>} waits until the test calls {@link #release(String)} (at most 30 s); one containing
 * {@code /big/<n>} adds {@code n} characters to its body, as {@code body.data}. Counts runs per
 * step id, to show a redelivered step does not run twice.
 */
public class ScriptedHttpStep implements NodeStep {

  private static final Pattern SLOW = Pattern.compile("/slow/([A-Za-z0-9-]+)");
  private static final Pattern BIG = Pattern.compile("/big/([0-9]+)");

  public final Set<String> failing = ConcurrentHashMap.newKeySet();
  public final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

  /** The MDC's {@code executionId} and {@code nodeId} while each step ran, by step id. */
  public final Map<String, List<String>> logContext = new ConcurrentHashMap<>();

  private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

  /** Lets the steps waiting on {@code /slow/<key>} finish. */
  public void release(String key) {
    gate(key).countDown();
  }

  private CountDownLatch gate(String key) {
    return gates.computeIfAbsent(key, k -> new CountDownLatch(1));
  }

  @Override
  public NodeType type() {
    return NodeType.HTTP_REQUEST;
  }

  @Override
  public StepFinished execute(ExecuteStep step) {
    runs.computeIfAbsent(step.stepId(), k -> new AtomicInteger()).incrementAndGet();
    logContext.put(
        step.stepId(),
        Arrays.asList(
            MDC.get(ExecutionLogContext.MDC_KEY), MDC.get(ExecutionLogContext.NODE_MDC_KEY)));
    Instant started = Instant.now();
    String url = String.valueOf(step.input().get("url"));
    Matcher slow = SLOW.matcher(url);
    if (slow.find()) {
      try {
        gate(slow.group(1)).await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    boolean broken = url.contains("/broken");
    boolean firstAttemptFails = url.contains("/flaky-once") && step.attempt() == 1;
    if (broken || firstAttemptFails || failing.stream().anyMatch(url::contains)) {
      return new StepFinished(
          step.stepId(),
          step.executionId(),
          step.nodeId(),
          step.attempt(),
          false,
          null,
          new StepError("HTTP_STATUS", "The server answered 503", !broken),
          null,
          started,
          Instant.now());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("method", step.input().get("method"));
    body.put("url", url);
    body.put("echo", step.input().get("body"));
    Matcher big = BIG.matcher(url);
    if (big.find()) {
      body.put("data", "x".repeat(Integer.parseInt(big.group(1))));
    }
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("status", 200);
    output.put("headers", Map.of("Content-Type", "application/json", "Set-Cookie", "session=abc"));
    output.put("body", body);
    return new StepFinished(
        step.stepId(),
        step.executionId(),
        step.nodeId(),
        step.attempt(),
        true,
        output,
        null,
        null,
        started,
        Instant.now());
  }

  public int runsOf(String stepId) {
    AtomicInteger n = runs.get(stepId);
    return n == null ? 0 : n.get();
  }
}
