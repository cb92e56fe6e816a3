package io.agentic.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.execution.StepUsage;
import io.agentic.contracts.workflow.RetryPolicy;
import io.agentic.contracts.workflow.WorkflowNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** SUB_WORKFLOW and LOOP nodes run child executions; children report their ends back. */
class ChildExecutionsTest {

  private static WorkflowNode withData(WorkflowNode n, String key, Object value) {
    Map<String, Object> data = new HashMap<>(n.data());
    data.put(key, value);
    return new WorkflowNode(
        n.id(), n.type(), n.name(), data, n.retry(), n.timeoutMs(), n.onError());
  }

  private static WorkflowNode withRetry(WorkflowNode n) {
    return new WorkflowNode(
        n.id(), n.type(), n.name(), n.data(), new RetryPolicy(2, 100), n.timeoutMs(), n.onError());
  }

  private static WorkflowNode withTimeout(WorkflowNode n, long ms) {
    return new WorkflowNode(n.id(), n.type(), n.name(), n.data(), n.retry(), ms, n.onError());
  }

  private static List<String> items(int n) {
    return IntStream.range(0, n).mapToObj(i -> "item-" + i).toList();
  }

  @Nested
  class SubWorkflow {

    @Test
    void shouldStartOneChildWithItsInputsEvaluated() {
      // given a SUB_WORKFLOW whose inputs are expressions
      Scenario run = Scenario.of("sub-workflow", Map.of("topic", "go"));

      // when the execution starts
      run.start();

      // then one child is asked for, one level down, in the same tree, as the same user
      assertThat(run.children()).hasSize(1);
      ChildStart child = run.children().getFirst();
      assertThat(child.executionId()).isEqualTo(Children.childId(Scenario.ID, "child", 1, 0));
      assertThat(child.workflowId()).isEqualTo("w-child");
      assertThat(child.inputs()).isEqualTo(Map.of("subject", "go!", "count", 2L));
      assertThat(child.userId()).isEqualTo("user-1");
      assertThat(child.parent()).isEqualTo(new ParentLink(Scenario.ID, "child", 1, 0));
      assertThat(child.rootExecutionId()).isEqualTo(Scenario.ID);
      assertThat(child.depth()).isEqualTo(1);
      assertThat(child.workflowChain()).containsExactly("wf-1", "w-child");
      assertThat(child.deadline()).isEqualTo(run.state.deadline());
      // and the node waits for it, with no step and, without timeoutMs, no timer
      assertThat(run.status()).isEqualTo(ExecutionStatus.RUNNING);
      assertThat(run.node("child").status()).isEqualTo(NodeStatus.RUNNING);
      assertThat(run.node("child").awaiting().kind()).isEqualTo(Wait.Kind.CHILDREN);
      assertThat(run.dispatched()).isEmpty();
      assertThat(run.timers()).isEmpty();
    }

    @Test
    void shouldCompleteWithTheChildsOutputsAndCountWhatItSpent() {
      Scenario run = Scenario.of("sub-workflow", Map.of("topic", "go")).start();

      run.childCompletes(
          run.child("child", 0), Map.of("result", "done"), new StepUsage(2, 100, 0.01));

      assertThat(run.node("child").status()).isEqualTo(NodeStatus.COMPLETED);
      assertThat(run.node("child").output()).isEqualTo(Map.of("result", "done"));
      assertThat(run.node("child").children()).isNull();
      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(run.state.outputs()).containsEntry("out", "done");
      assertThat(run.state.metrics().aiCallsCount()).isEqualTo(2);
      assertThat(run.state.metrics().totalTokensUsed()).isEqualTo(100);
    }

    @Test
    void shouldFailWithTheChildsErrorNamingTheChild() {
      Scenario run = Scenario.of("sub-workflow", Map.of("topic", "go")).start();
      String childId = run.child("child", 0).executionId();

      run.childFails("child", 0, "HTTP_STATUS", true);

      NodeState node = run.node("child");
      assertThat(node.status()).isEqualTo(NodeStatus.FAILED);
      assertThat(node.error().code()).isEqualTo("HTTP_STATUS");
      assertThat(node.error().message()).contains(childId).contains("HTTP_STATUS happened");
      assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(run.state.error().code()).isEqualTo("HTTP_STATUS");
    }

    @Test
    void shouldRunNewChildrenUnderTheNodesRetryPolicyAndIgnoreTheOldOnes() {
      Scenario run =
          Scenario.of("sub-workflow", Map.of("topic", "go"))
              .node("child", ChildExecutionsTest::withRetry)
              .start();
      ChildStart first = run.child("child", 0);

      run.childFails("child", 0, "TIMEOUT", true).fire("child");

      ChildStart second = run.child("child", 0);
      assertThat(second.executionId())
          .isNotEqualTo(first.executionId())
          .isEqualTo(Children.childId(Scenario.ID, "child", 2, 0));
      assertThat(second.parent().attempt()).isEqualTo(2);
      assertThat(run.node("child").attempts()).isEqualTo(2);
      // a late end of the first child changes nothing
      run.childCompletes(first, Map.of("result", "late"), null);
      assertThat(run.last.changed()).isFalse();
      run.childCompletes(second, Map.of("result", "ok"), null);
      assertThat(run.state.outputs()).containsEntry("out", "ok");
    }

    @Test
    void shouldTimeOutAndCancelTheChildWhenTheNodeHasATimeout() {
      Scenario run =
          Scenario.of("sub-workflow", Map.of("topic", "go"))
              .node("child", n -> withTimeout(n, 1000))
              .start();
      String childId = run.child("child", 0).executionId();
      assertThat(run.timers()).extracting(Effect.ScheduleTimer::kind).containsExactly("timeout");

      run.fire("child");

      assertThat(run.node("child").error().code()).isEqualTo("TIMEOUT");
      assertThat(run.cancelledChildren()).containsExactly(childId);
      assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void shouldPassALiteralInputThatIsNotAString() {
      Scenario run =
          Scenario.of("sub-workflow", Map.of("topic", "go"))
              .node("child", n -> withData(n, "inputs", Map.of("n", 42)))
              .start();

      assertThat(run.child("child", 0).inputs()).isEqualTo(Map.of("n", 42));
    }

    @Test
    void shouldFailWhenAnInputExpressionFails() {
      Scenario run =
          Scenario.of("sub-workflow", Map.of("topic", "go"))
              .node("child", n -> withData(n, "inputs", Map.of("n", "inputs.missing")))
              .start();

      assertThat(run.node("child").error().code()).isEqualTo("EXPRESSION_ERROR");
      assertThat(run.node("child").error().message()).contains("'child'", "inputs.missing");
      assertThat(run.children()).isEmpty();
    }
  }

  @Nested
  class Loop {

    @Test
    void shouldStartAtMostConcurrencyChildrenAndTheNextAsOthersComplete() {
      // given a LOOP over five items, two at a time
      Scenario run = Scenario.of("loop", Map.of("items", items(5)));

      // when it starts
      run.start();

      // then the first two items run, each with inputs {item, index}
      assertThat(run.children()).hasSize(2);
      assertThat(run.child("each", 0).inputs()).isEqualTo(Map.of("item", "item-0", "index", 0));
      assertThat(run.child("each", 1).inputs()).isEqualTo(Map.of("item", "item-1", "index", 1));
      assertThat(run.children())
          .extracting(ChildStart::executionId)
          .doesNotHaveDuplicates()
          .containsExactly(
              Children.childId(Scenario.ID, "each", 1, 0),
              Children.childId(Scenario.ID, "each", 1, 1));

      // and each end lets the next item start
      run.childCompletes("each", 1, Map.of("r", 1));
      assertThat(run.children()).hasSize(3);
      assertThat(run.child("each", 2).inputs()).containsEntry("index", 2);
      run.childCompletes("each", 0, Map.of("r", 0));
      assertThat(run.children()).hasSize(4);
      assertThat(run.node("each").status()).isEqualTo(NodeStatus.RUNNING);
    }

    @Test
    void shouldCollectOutputsInItemOrderWhateverOrderTheChildrenEndIn() {
      Scenario run = Scenario.of("loop", Map.of("items", items(3))).start();

      run.childCompletes("each", 1, Map.of("r", 1));
      run.childCompletes("each", 2, Map.of("r", 2));
      run.childCompletes("each", 0, Map.of("r", 0));

      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(run.node("each").output())
          .isEqualTo(List.of(Map.of("r", 0), Map.of("r", 1), Map.of("r", 2)));
      // OUTPUT evaluated nodes.each.output: CEL gives back JSON integers as longs
      assertThat(run.state.outputs())
          .containsEntry("out", List.of(Map.of("r", 0L), Map.of("r", 1L), Map.of("r", 2L)));
    }

    @Test
    void shouldCompleteAtOnceOverAnEmptyList() {
      Scenario run = Scenario.of("loop", Map.of("items", List.of())).start();

      assertThat(run.children()).isEmpty();
      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(run.state.outputs()).containsEntry("out", List.of());
    }

    @Test
    void shouldRunFiveAtOnceByDefault() {
      Scenario run = Scenario.of("loop-or-else", Map.of("items", items(7))).start();

      assertThat(run.children()).hasSize(5);
    }

    @Test
    void shouldRefuseMoreThanAThousandItems() {
      Scenario run = Scenario.of("loop", Map.of("items", items(1001))).start();

      assertThat(run.node("each").error().code()).isEqualTo("LOOP_TOO_MANY_ITEMS");
      assertThat(run.node("each").error().message()).contains("1001").contains("1000");
      assertThat(run.children()).isEmpty();
      assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void shouldAcceptExactlyAThousandItems() {
      Scenario run = Scenario.of("loop", Map.of("items", items(1000))).start();

      assertThat(run.node("each").children().runs()).hasSize(1000);
      assertThat(run.children()).hasSize(2);
    }

    @Test
    void shouldRefuseAConcurrencyOutsideOneToTwenty() {
      for (Object concurrency : List.of(0, 21, 2.5, "3")) {
        Scenario run =
            Scenario.of("loop", Map.of("items", items(3)))
                .node("each", n -> withData(n, "concurrency", concurrency))
                .start();

        assertThat(run.node("each").error().code())
            .as("%s", concurrency)
            .isEqualTo("INVALID_NODE_DATA");
        assertThat(run.children()).isEmpty();
      }
      Scenario twenty =
          Scenario.of("loop", Map.of("items", items(30)))
              .node("each", n -> withData(n, "concurrency", 20))
              .start();
      assertThat(twenty.children()).hasSize(20);
    }

    @Test
    void shouldFailWhenItemsIsNotAList() {
      Scenario run = Scenario.of("loop-or-else", Map.of("items", "abc")).start();

      assertThat(run.node("each").status()).isEqualTo(NodeStatus.FAILED);
      assertThat(run.node("each").error().code()).isEqualTo("EXPRESSION_ERROR");
      assertThat(run.node("each").error().message()).contains("not a list");
    }

    @Test
    void shouldFailTheNodeAndCancelRunningSiblingsWhenAChildFails() {
      Scenario run = Scenario.of("loop", Map.of("items", items(4))).start();
      String sibling = run.child("each", 1).executionId();

      run.childFails("each", 0, "HTTP_STATUS", false);

      assertThat(run.node("each").status()).isEqualTo(NodeStatus.FAILED);
      assertThat(run.node("each").error().message()).contains("(item 0)");
      assertThat(run.cancelledChildren()).containsExactly(sibling);
      // items 2 and 3 never start
      assertThat(run.children()).hasSize(2);
      assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void shouldTakeTheErrorBranchWhenAChildFailsAndTheNodeBranchesOnError() {
      Scenario run = Scenario.of("loop-or-else", Map.of("items", items(2))).start();

      run.childFails("each", 1, "RECURSIVE_WORKFLOW", false);

      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(run.state.outputs()).containsExactly(Map.entry("failed", "RECURSIVE_WORKFLOW"));
      assertThat(run.node("ok").status()).isEqualTo(NodeStatus.SKIPPED);
      assertThat(run.cancelledChildren()).containsExactly(run.child("each", 0).executionId());
    }
  }

  @Nested
  class Limits {

    @Test
    void shouldRefuseToNestDeeperThanFive() {
      Scenario run =
          Scenario.of("sub-workflow", Map.of("topic", "go"))
              .nested(5, List.of("a", "b", "c", "d", "e", "wf-1"), Scenario.T0.plusSeconds(3600))
              .start();

      assertThat(run.node("child").error().code()).isEqualTo("DEPTH_EXCEEDED");
      assertThat(run.children()).isEmpty();
      assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void shouldNestUpToFive() {
      Scenario run =
          Scenario.of("sub-workflow", Map.of("topic", "go"))
              .nested(4, List.of("a", "b", "c", "d", "wf-1"), Scenario.T0.plusSeconds(3600))
              .start();

      ChildStart child = run.child("child", 0);
      assertThat(child.depth()).isEqualTo(5);
      assertThat(child.rootExecutionId()).isEqualTo("root-1");
      assertThat(child.workflowChain()).containsExactly("a", "b", "c", "d", "wf-1", "w-child");
    }

    @Test
    void shouldRefuseAWorkflowThatRunsItself() {
      Scenario run =
          Scenario.of("sub-workflow", Map.of("topic", "go"))
              .node("child", n -> withData(n, "workflowId", "wf-1"))
              .start();

      assertThat(run.node("child").error().code()).isEqualTo("RECURSIVE_WORKFLOW");
      assertThat(run.node("child").error().message()).contains("wf-1 -> wf-1");
      assertThat(run.children()).isEmpty();
    }

    @Test
    void shouldRefuseAWorkflowThatRunsAnAncestor() {
      Scenario run =
          Scenario.of("sub-workflow", Map.of("topic", "go"))
              .nested(2, List.of("w-child", "w-middle", "wf-1"), Scenario.T0.plusSeconds(3600))
              .start();

      assertThat(run.node("child").error().code()).isEqualTo("RECURSIVE_WORKFLOW");
      assertThat(run.children()).isEmpty();
    }

    @Test
    void shouldRefuseAWorkflowLoopingOverItself() {
      Scenario run =
          Scenario.of("loop", Map.of("items", items(2)))
              .node("each", n -> withData(n, "workflowId", "wf-1"))
              .start();

      assertThat(run.node("each").error().code()).isEqualTo("RECURSIVE_WORKFLOW");
    }

    @Test
    void shouldNotLetAChildOutliveItsParentsDeadline() {
      Instant parentDeadline = Scenario.T0.plusSeconds(600);
      Scenario run =
          Scenario.of("sub-workflow", Map.of("topic", "go"))
              .nested(1, List.of("w-root", "wf-1"), parentDeadline);

      assertThat(run.state.deadline()).isEqualTo(parentDeadline);
      run.start();
      assertThat(run.child("child", 0).deadline()).isEqualTo(parentDeadline);
    }
  }

  @Nested
  class Cancellation {

    @Test
    void shouldCancelRunningChildrenWhenTheExecutionIsCancelled() {
      Scenario run = Scenario.of("loop", Map.of("items", items(3))).start();
      List<String> running = run.children().stream().map(ChildStart::executionId).toList();

      run.cancel();

      assertThat(run.status()).isEqualTo(ExecutionStatus.CANCELLED);
      assertThat(run.cancelledChildren()).containsExactlyElementsOf(running);
      assertThat(run.node("each").status()).isEqualTo(NodeStatus.CANCELLED);
      // a child's end after that is ignored
      run.childCompletes("each", 0, Map.of());
      assertThat(run.last.changed()).isFalse();
    }

    @Test
    void shouldCancelRunningChildrenWhenTheDeadlinePasses() {
      Scenario run = Scenario.of("sub-workflow", Map.of("topic", "go")).start();
      String childId = run.child("child", 0).executionId();

      run.after(Duration.ofHours(25)).fireDeadline();

      assertThat(run.state.error().code()).isEqualTo("DEADLINE_EXCEEDED");
      assertThat(run.cancelledChildren()).containsExactly(childId);
    }

    @Test
    void shouldRunNewChildrenWhenTheExecutionIsRetried() {
      Scenario run = Scenario.of("sub-workflow", Map.of("topic", "go")).start();
      String first = run.child("child", 0).executionId();
      run.childFails("child", 0, "HTTP_STATUS", true);

      run.retry();

      assertThat(run.status()).isEqualTo(ExecutionStatus.RUNNING);
      assertThat(run.child("child", 0).executionId()).isNotEqualTo(first);
    }
  }

  @Nested
  class ReportingToTheParent {

    @Test
    void shouldReportCompletionWithOutputsAndWhatItSpent() {
      Scenario run =
          Scenario.of("pure-chain", Map.of("word", "go"))
              .nested(1, List.of("w-root", "wf-1"), Scenario.T0.plusSeconds(3600))
              .start();

      assertThat(run.reports()).hasSize(1);
      StepFinished report = run.reports().getFirst();
      assertThat(report.stepId()).isEqualTo(Scenario.ID);
      assertThat(report.executionId()).isEqualTo("parent-1");
      assertThat(report.nodeId()).isEqualTo("node-p");
      assertThat(report.attempt()).isEqualTo(2);
      assertThat(report.succeeded()).isTrue();
      assertThat(report.output()).isEqualTo(Map.of("yes", "go"));
      assertThat(report.usage()).isEqualTo(new StepUsage(0, 0, 0));
    }

    @Test
    void shouldReportFailureWithItsCode() {
      Scenario run =
          Scenario.of("bad-expression", Map.of())
              .nested(1, List.of("w-root", "wf-1"), Scenario.T0.plusSeconds(3600))
              .start();

      StepFinished report = run.reports().getFirst();
      assertThat(report.succeeded()).isFalse();
      assertThat(report.error().code()).isEqualTo("EXPRESSION_ERROR");
      assertThat(report.error().retryable()).isTrue();
    }

    @Test
    void shouldReportCancellation() {
      Scenario run =
          Scenario.of("long-delay", Map.of())
              .nested(1, List.of("w-root", "wf-1"), Scenario.T0.plusSeconds(3600))
              .start()
              .cancel();

      StepFinished report = run.reports().getFirst();
      assertThat(report.succeeded()).isFalse();
      assertThat(report.error().code()).isEqualTo("CHILD_CANCELLED");
      assertThat(report.error().retryable()).isFalse();
    }

    @Test
    void shouldLeaveOutputsTooLargeToTravelOutOfTheReport() {
      EngineSettings small =
          new EngineSettings(
              Duration.ofMinutes(5),
              Duration.ofHours(24),
              1000,
              Duration.ofHours(1),
              5,
              1000,
              5,
              20,
              10);
      Scenario run =
          Scenario.of("pure-chain", Map.of("word", "a long enough word"), small)
              .nested(1, List.of("w-root", "wf-1"), Scenario.T0.plusSeconds(3600))
              .start();

      StepFinished report = run.reports().getFirst();
      assertThat(report.succeeded()).isTrue();
      assertThat(report.output()).isNull();
    }

    @Test
    void shouldNotReportFromARoot() {
      Scenario run = Scenario.of("pure-chain", Map.of("word", "go")).start();

      assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(run.reports()).isEmpty();
    }
  }

  @Nested
  class LargeOutputs {

    @Test
    void shouldSendAReferenceInsteadOfALargeOutputInEvents() {
      EngineSettings small =
          new EngineSettings(
              Duration.ofMinutes(5),
              Duration.ofHours(24),
              1000,
              Duration.ofHours(1),
              5,
              1000,
              5,
              20,
              50);
      Scenario run = Scenario.of("http-chain", Map.of("topic", "x"), small).start();
      Map<String, Object> big = Map.of("status", 200, "body", "x".repeat(100));

      run.succeed("call", big);

      NodeState call = run.node("call");
      assertThat(call.output()).isEqualTo(big);
      assertThat(call.outputBytes()).isGreaterThan(100);
      Map<String, Object> completed =
          run.events().stream()
              .filter(e -> e.type().equals("node.completed") && "call".equals(e.nodeId()))
              .findFirst()
              .orElseThrow()
              .data();
      assertThat(completed.get("output"))
          .isEqualTo(
              Map.of(
                  "outputRef",
                  "/api/executions/" + Scenario.ID + "/nodes/call/output",
                  "sizeBytes",
                  call.outputBytes()));
    }
  }
}
