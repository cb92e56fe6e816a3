package io.agentic.execution.nodes.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.workflow.NodeType;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

class DatabaseStepConfigurationTest {

  private static InMemoryMongo mongo;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(MongoAutoConfiguration.class, DataMongoAutoConfiguration.class))
        .withUserConfiguration(DatabaseStepConfiguration.class, DatabaseStep.class)
        .withPropertyValues(
            "spring.mongodb.uri=" + mongo.uri(), "spring.mongodb.database=agentic-execution");
  }

  @BeforeAll
  static void startMongo() {
    mongo = new InMemoryMongo();
  }

  @AfterAll
  static void stopMongo() {
    mongo.close();
  }

  @Test
  void keepsTheServicesOwnTemplateAndUsesTheUserDataDatabase() {
    runner()
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(MongoTemplate.class);
              assertThat(context.getBean(MongoTemplate.class).getDb().getName())
                  .isEqualTo("agentic-execution");
              assertThat(context.getBean(UserDataDatabase.class).name())
                  .isEqualTo("agentic-userdata");

              String user = UUID.randomUUID().toString();
              StepFinished inserted =
                  context
                      .getBean(DatabaseStep.class)
                      .execute(
                          step(
                              user,
                              "{'operation': 'insertOne', 'collection': 'orders',"
                                  + " 'document': {'a': 1}}"));

              assertThat(inserted.succeeded()).isTrue();
              assertThat(
                      mongo
                          .client
                          .getDatabase("agentic-userdata")
                          .getCollection(CollectionNames.physical(user, "orders"))
                          .countDocuments())
                  .isEqualTo(1);
            });
  }

  @Test
  void refusesToStartOnThePlatformsDatabase() {
    runner()
        .withPropertyValues("agentic.database-node.database=agentic-execution")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("agentic.database-node.database"));
    runner()
        .withPropertyValues(
            "spring.mongodb.database=custom-platform",
            "agentic.database-node.database=custom-platform")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("agentic.database-node.database"));
  }

  @Test
  void aSeparateUriGetsAClientOfItsOwn() {
    runner()
        .withPropertyValues(
            "agentic.database-node.uri=" + mongo.uri(),
            "agentic.database-node.database=tenant-data")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              UserDataDatabase database = context.getBean(UserDataDatabase.class);
              assertThat(database.name()).isEqualTo("tenant-data");
              StepFinished counted =
                  context
                      .getBean(DatabaseStep.class)
                      .execute(step("u1", "{'operation': 'count', 'collection': 'orders'}"));
              assertThat(counted.succeeded()).isTrue();
            });
  }

  private static ExecuteStep step(String userId, String input) {
    String executionId = UUID.randomUUID().toString();
    return new ExecuteStep(
        ExecuteStep.stepId(executionId, "db", 1),
        executionId,
        executionId,
        "wf-1",
        userId,
        "db",
        NodeType.DATABASE,
        1,
        Json.map(input),
        60_000,
        Instant.now());
  }
}
