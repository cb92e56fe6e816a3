package io.agentic.execution.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.execution.store.ExecutionTrees;
import io.agentic.execution.support.Api;
import io.agentic.execution.support.Api.Answer;
import io.agentic.execution.support.IntegrationTest;
import io.agentic.execution.support.Tokens;
import io.agentic.execution.support.WorkflowSeeder;
import io.agentic.execution.workflows.WorkflowCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** SUB_WORKFLOW and LOOP through the real broker: children are executions of their own. */
class ChildExecutionsIT extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, Object> kafka;
  @Autowired WorkflowCatalog catalog;
  @Autowired ExecutionTrees trees;
  @Autowired MongoTemplate mongo;

  Api api;
  WorkflowSeeder workflows;
  String owner;
  String ownerToken;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    workflows = new WorkflowSeeder(kafka, catalog);
    owner = WorkflowSeeder.newUser();
    ownerToken = Tokens.bearer(owner, "user");
  }

  private String start(String workflowId, Map<String, Object> inputs) {
    Answer answer =
        api.post("/api/executions", ownerToken, Map.of("workflowId", workflowId, "inputs", inputs));
    assertThat(answer.status()).as("start: %s", answer.json()).isEqualTo(202);
    return answer.at("id");
  }

  private Answer awaitEnded(String id) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                List.of("completed", "failed", "cancelled")
                    .contains(api.get("/api/executions/" + id, ownerToken).<String>at("status")));
    return api.get("/api/executions/" + id, ownerToken);
  }

  private List<Map<String, Object>> childrenOf(String id) {
    return api.get("/api/executions?size=100&parentExecutionId=" + id, ownerToken).at("items");
  }

  @Test
  void runsASubWorkflowThenALoopOverThreeItemsAsChildExecutions() {
    // given a parent running "double" once and "describe-item" per item
    String doubled = workflows.publish("double", owner);
    String describe = workflows.publish("describe-item", owner);
    String parent =
        workflows.publish(
            "parent-sub-loop", owner, Map.of("double", doubled, "describe", describe));

    // when it runs over three items
    String id = start(parent, Map.of("n", 21, "items", List.of("a", "b", "c")));

    // then the children's outputs come back, the loop's in item order
    Answer done = awaitEnded(id);
    assertThat(done.<String>at("status")).as("%s", done.json()).isEqualTo("completed");
    assertThat(done.<Map<String, Object>>at("outputs"))
        .isEqualTo(Map.of("out", Map.of("doubled", 42, "items", List.of("0=a", "1=b", "2=c"))));
    assertThat(done.<Map<String, Object>>at("nodeResults.sub.output")).isEqualTo(Map.of("out", 42));
    assertThat(done.<List<Object>>at("nodeResults.each.output"))
        .isEqualTo(List.of(Map.of("out", "0=a"), Map.of("out", "1=b"), Map.of("out", "2=c")));
    assertThat(done.json()).containsEntry("depth", 0).containsEntry("rootExecutionId", id);
    assertThat(done.json()).doesNotContainKey("parentExecutionId");

    // and the four children are executions of their own, visible to the same user
    List<Map<String, Object>> children = childrenOf(id);
    assertThat(children).hasSize(4);
    assertThat(children)
        .allSatisfy(
            c -> {
              assertThat(c)
                  .containsEntry("status", "completed")
                  .containsEntry("userId", owner)
                  .containsEntry("parentExecutionId", id)
                  .containsEntry("rootExecutionId", id)
                  .containsEntry("depth", 1);
            });
    assertThat(children)
        .extracting(c -> c.get("workflowId"))
        .containsOnly(doubled, describe)
        .filteredOn(doubled::equals)
        .hasSize(1);
    Map<String, Object> itemChild =
        children.stream()
            .filter(c -> describe.equals(c.get("workflowId")))
            .findFirst()
            .orElseThrow();
    assertThat((Map<String, Object>) itemChild.get("inputs")).containsKeys("item", "index");
    String childId = (String) itemChild.get("id");
    assertThat(api.get("/api/executions/" + childId, ownerToken).status()).isEqualTo(200);
    assertThat(
            api.get("/api/executions/" + childId, Tokens.bearer(WorkflowSeeder.newUser(), "user"))
                .status())
        .isEqualTo(404);
    assertThat(trees.children(id)).isEqualTo(4);
  }

  @Test
  void failsTheNodeThatWouldNestDeeperThanFiveLevels() {
    // given a chain of seven workflows, each running the next: root -> 1 -> ... -> 6
    List<String> ids = new ArrayList<>();
    String next = workflows.publish("leaf", owner);
    ids.add(next);
    for (int i = 0; i < 6; i++) {
      next = workflows.publish("chain-link", owner, Map.of("next", next));
      ids.addFirst(next);
    }

    // when the top of the chain runs, the execution at depth 5 may not start a sixth level
    Answer tooDeep = awaitEnded(start(ids.getFirst(), Map.of()));
    assertThat(tooDeep.<String>at("status")).isEqualTo("failed");
    assertThat(tooDeep.<String>at("error.code")).isEqualTo("DEPTH_EXCEEDED");

    // while the chain one shorter runs to its leaf
    Answer deepest = awaitEnded(start(ids.get(1), Map.of()));
    assertThat(deepest.<String>at("status")).as("%s", deepest.json()).isEqualTo("completed");
    assertThat(deepest.<Map<String, Object>>at("outputs")).isEqualTo(Map.of("out", "leaf"));
  }

  @Test
  void refusesAWorkflowThatRunsItself() {
    String id = "wf-" + UUID.randomUUID();
    workflows.publishAs(id, "chain-link", Map.of("next", id), owner, List.of(), false, "active");

    Answer failed = awaitEnded(start(id, Map.of()));

    assertThat(failed.<String>at("status")).isEqualTo("failed");
    assertThat(failed.<String>at("nodeResults.next.error.code")).isEqualTo("RECURSIVE_WORKFLOW");
    assertThat(childrenOf(failed.at("id"))).isEmpty();
  }

  @Test
  void failsTheNodeWhenTheChildWorkflowIsNotVisibleToTheUser() {
    String someoneElses = workflows.publish("leaf", WorkflowSeeder.newUser());
    String parent = workflows.publish("chain-link", owner, Map.of("next", someoneElses));

    Answer failed = awaitEnded(start(parent, Map.of()));

    assertThat(failed.<String>at("nodeResults.next.error.code")).isEqualTo("WORKFLOW_NOT_FOUND");
    assertThat(childrenOf(failed.at("id"))).isEmpty();
  }

  @Test
  void cancelsRunningChildrenWhenTheParentIsStopped() {
    // given a loop whose first two children are running (two at a time) and a third waiting
    String pause = workflows.publish("long-delay", owner);
    String parent = workflows.publish("loop-over-delays", owner, Map.of("pause", pause));
    String id = start(parent, Map.of("items", List.of(1, 2, 3)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                childrenOf(id).size() == 2
                    && childrenOf(id).stream().allMatch(c -> "running".equals(c.get("status"))));
    assertThat(
            api.get("/api/executions/" + id, ownerToken)
                .<Map<String, Object>>at("nodeResults.each.children"))
        .containsEntry("total", 3)
        .containsEntry("running", 2)
        .containsEntry("waiting", 1);

    // (children do not count against the user's running executions: two more roots may start)
    String other1 = start(pause, Map.of());
    String other2 = start(pause, Map.of());
    api.postEmpty("/api/executions/" + other1 + "/stop", ownerToken);
    api.postEmpty("/api/executions/" + other2 + "/stop", ownerToken);

    // when the parent is stopped
    Answer stopped = api.postEmpty("/api/executions/" + id + "/stop", ownerToken);

    // then its children are cancelled too, and the third never starts
    assertThat(stopped.status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> childrenOf(id).stream().allMatch(c -> "cancelled".equals(c.get("status"))));
    assertThat(childrenOf(id)).hasSize(2);
  }

  @Test
  void failsTheNodeWhenTheTreeHasAsManyChildrenAsAllowed() {
    // given a root that will start a child after a short delay, whose tree is already full
    String leaf = workflows.publish("leaf", owner);
    String parent = workflows.publish("delayed-sub", owner, Map.of("next", leaf));
    String id = start(parent, Map.of());
    mongo
        .getCollection("execution_trees")
        .insertOne(new Document("_id", id).append("children", 10_000));

    // then the child is refused
    Answer failed = awaitEnded(id);
    assertThat(failed.<String>at("nodeResults.next.error.code")).isEqualTo("TOO_MANY_CHILDREN");
    assertThat(childrenOf(id)).isEmpty();
  }

  @Test
  void countsChildrenPerRootUpToTheLimit() {
    String root = "root-" + UUID.randomUUID();

    assertThat(trees.reserve(root, 2)).isTrue();
    assertThat(trees.reserve(root, 2)).isTrue();
    assertThat(trees.reserve(root, 2)).isFalse();
    assertThat(trees.children(root)).isEqualTo(2);
  }
}
