package io.agentic.execution.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.execution.support.FakeWorkflowService;
import io.agentic.execution.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The call to workflow-service is observed: timed, and part of the caller's trace. */
class WorkflowServiceClientIT extends IntegrationTest {

  @Autowired WorkflowServiceClient client;
  @Autowired ObservationRegistry observations;
  @Autowired Tracer tracer;
  @Autowired MeterRegistry meters;

  @Test
  void carriesTheCallersTraceToWorkflowServiceAndIsTimed() {
    // given a workflow workflow-service does not know
    String workflowId = "wf-" + UUID.randomUUID();

    // when it is asked for within a trace
    String[] traceId = new String[1];
    Observation.createNotStarted("test.start", observations)
        .observe(
            () -> {
              traceId[0] = tracer.currentSpan().context().traceId();
              assertThat(client.workflow(workflowId, "Bearer t")).isEmpty();
            });

    // then the request continued that trace, and was timed as an HTTP client request
    assertThat(FakeWorkflowService.TRACEPARENTS).anyMatch(t -> t.contains(traceId[0]));
    assertThat(
            meters
                .find("http.client.requests")
                .tag("uri", "/api/workflows/{id}")
                .tag("status", "404")
                .timer())
        .isNotNull();
  }
}
