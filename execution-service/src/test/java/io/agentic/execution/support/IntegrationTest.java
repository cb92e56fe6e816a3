package io.agentic.execution.support;

import io.agentic.testsupport.TestInfrastructureInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context every {@code *IT} shares: the whole service on a random port, against the
 * embedded broker, the in-memory MongoDB-wire server and Redis, with fast relays and timers.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=execution-service",
      "agentic.execution.relay-interval=200ms",
      "agentic.execution.relay-grace=500ms",
      "agentic.execution.timer-poll-interval=100ms",
      "agentic.execution.deadline-sweep-interval=300ms",
      "agentic.execution.max-running-per-user=3",
      "agentic.execution.event-heartbeat=200ms",
      "agentic.execution.max-streams-per-user=3",
      "agentic.execution.event-ticket-ttl=2s"
    })
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
@Import(TestBeans.class)
public abstract class IntegrationTest {

  @DynamicPropertySource
  static void workflowService(DynamicPropertyRegistry registry) {
    registry.add("agentic.execution.workflow-service-url", FakeWorkflowService::url);
  }
}
