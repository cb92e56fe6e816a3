package io.agentic.suite;

import static io.agentic.suite.CrashChecks.assertCompletedOnce;
import static io.agentic.suite.CrashChecks.assertSideEffectAtMostTwice;
import static io.agentic.suite.CrashChecks.awaitTerminal;
import static io.agentic.suite.CrashChecks.runId;
import static io.agentic.suite.CrashChecks.saveWorkflow;
import static io.agentic.suite.CrashChecks.start;
import static org.awaitility.Awaitility.await;

import io.agentic.suite.GatewayClient.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two execution-service instances share the partitions (2 per topic); one is killed with SIGKILL
 * while executions stream in, and the survivor takes its partitions over: every execution
 * completes, each once, each HTTP side effect at most twice under the same key.
 */
class ScaleOutCrashIT {

  private static final int EXECUTIONS = 30;

  private final ProcessSuite suite = ProcessSuite.get();
  private final GatewayClient gateway = suite.gateway();

  @Test
  void completesEveryExecutionOnceWhenOneOfTwoInstancesDiesUnderLoad() throws Exception {
    // given a second instance that owns a share of the orchestrator's and the workers' partitions
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers()))) {
      Map<String, Integer> alone = members(admin);
      suite.startExecution(2);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(() -> stableWithTwiceAsMany(admin, alone));
    }
    Session me = gateway.newUser();
    HttpTarget target = suite.target();
    String tag = runId();
    String workflowId =
        saveWorkflow(
            gateway,
            me,
            "crash-http",
            Map.of("run", tag, "targetUrl", target.url(""), "prefix", "slow"));

    // when executions come in, and the second instance dies once the calls have begun
    List<String> runs = new ArrayList<>();
    List<String> executionIds = new ArrayList<>();
    for (int i = 0; i < EXECUTIONS; i++) {
      String run = String.format(Locale.ROOT, "%s-%02d", tag, i);
      runs.add(run);
      executionIds.add(start(gateway, me, workflowId, run));
      if (i == EXECUTIONS / 2) {
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> target.requestsTo("/slow/" + tag).size() >= 4);
        suite.killExecution(2);
      }
    }

    // then every execution completes once, its side effect at most twice under one key
    for (int i = 0; i < EXECUTIONS; i++) {
      JsonNode execution = awaitTerminal(gateway, me, executionIds.get(i), Duration.ofSeconds(90));
      assertCompletedOnce(execution, List.of("in", "call", "out"));
      assertSideEffectAtMostTwice(target, "/slow/" + runs.get(i), executionIds.get(i));
    }
  }

  private static final List<String> GROUPS =
      List.of("execution-service", "execution-service-steps");

  /** Consumers in the orchestrators' and the HTTP workers' groups (several per instance). */
  private static Map<String, Integer> members(Admin admin) throws Exception {
    Map<String, Integer> counts = new java.util.HashMap<>();
    admin
        .describeConsumerGroups(GROUPS)
        .all()
        .get()
        .forEach((group, description) -> counts.put(group, description.members().size()));
    return counts;
  }

  /** Both groups have rebalanced onto the second instance's consumers too. */
  private static boolean stableWithTwiceAsMany(Admin admin, Map<String, Integer> alone)
      throws Exception {
    Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(GROUPS).all().get();
    return groups.values().stream()
        .allMatch(
            group ->
                group.groupState() == GroupState.STABLE
                    && alone.get(group.groupId()) > 0
                    && group.members().size() == 2 * alone.get(group.groupId()));
  }
}
