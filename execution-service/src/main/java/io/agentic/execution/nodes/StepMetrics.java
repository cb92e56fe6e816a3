package io.agentic.execution.nodes;

import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.workflow.NodeType;
import io.agentic.platform.observability.AgenticMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * execution-service's share of the suite's metrics ({@link AgenticMetrics}): {@code agentic.steps}
 * for each step its worker takes, tagged with the node type in lower case ({@code http_request},
 * {@code database}) and the outcome. Only the worker records it: the orchestrator's own decisions
 * are not steps, and a redelivered step answered from its recorded result is not run again.
 */
@Component
class StepMetrics {

  /** The HTTP_REQUEST step's error code for a target that did not answer in time. */
  static final String TIMEOUT_CODE = "TIMEOUT";

  private final MeterRegistry meters;

  StepMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  /** Started when the worker takes a step. */
  Timer.Sample start() {
    return Timer.start(meters);
  }

  /** The step ran to {@code result}. */
  void ran(NodeType type, StepFinished result, Timer.Sample taken) {
    taken.stop(timer(type, outcome(result)));
  }

  /** The step was taken but not run: its execution had ended (cancelled, most often) meanwhile. */
  void skipped(NodeType type, Timer.Sample taken) {
    taken.stop(timer(type, AgenticMetrics.CANCELLED));
  }

  static String outcome(StepFinished result) {
    if (result.succeeded()) {
      return AgenticMetrics.SUCCESS;
    }
    return result.error() != null && TIMEOUT_CODE.equals(result.error().code())
        ? AgenticMetrics.TIMEOUT
        : AgenticMetrics.FAILURE;
  }

  /** The node type in lower case; types are a small fixed set, so the series stay few. */
  static String type(NodeType type) {
    return type == null ? "unknown" : type.name().toLowerCase(Locale.ROOT);
  }

  private Timer timer(NodeType type, String outcome) {
    return Timer.builder(AgenticMetrics.STEPS)
        .description("Steps run by a worker, from taking one to its result")
        .tag(AgenticMetrics.TYPE, type(type))
        .tag(AgenticMetrics.OUTCOME, outcome)
        .register(meters);
  }
}
