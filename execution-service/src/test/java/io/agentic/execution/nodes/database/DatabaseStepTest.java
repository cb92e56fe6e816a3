package io.agentic.execution.nodes.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.workflow.NodeType;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

class DatabaseStepTest {

  private static final String USERDATA = "agentic-userdata";
  private static final String PLATFORM = "agentic-execution";
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private static InMemoryMongo mongo;
  private static UserDataDatabase database;
  private static DatabaseStep step;

  private String alice;
  private String bob;

  @BeforeAll
  static void startMongo() {
    mongo = new InMemoryMongo();
    database = UserDataDatabase.open(properties(DataSize.ofMegabytes(16)), mongo.client, PLATFORM);
    step = new DatabaseStep(properties(DataSize.ofMegabytes(16)), database, fixedClock());
  }

  @AfterAll
  static void stopMongo() {
    database.close();
    mongo.close();
  }

  @BeforeEach
  void freshUsers() {
    alice = UUID.randomUUID().toString();
    bob = new ObjectId().toHexString();
  }

  // --- each operation -------------------------------------------------------------------------

  @Test
  void insertOneStoresTheDocumentAndAnswersItsIdAsAString() {
    StepFinished inserted =
        run(
            alice,
            "{'operation': 'insertOne', 'collection': 'orders', 'document': "
                + "{'item': 'book', 'qty': 2, 'price': 9.5, 'tags': ['a'], 'meta': {'gift': true}}}");

    assertThat(inserted.succeeded()).isTrue();
    String id = (String) output(inserted).get("insertedId");
    assertThat(id).matches("[0-9a-f]{24}");
    Document stored = physical(alice, "orders").find().first();
    assertThat(stored.getObjectId("_id").toHexString()).isEqualTo(id);
    assertThat(stored.getString("item")).isEqualTo("book");
    assertThat(stored.get("meta", Document.class).getBoolean("gift")).isTrue();
  }

  @Test
  void findAnswersMatchingDocumentsWithStringIds() {
    insert(alice, "orders", "{'item': 'book', 'qty': 2}", "{'item': 'pen', 'qty': 10}");

    StepFinished found =
        run(alice, "{'operation': 'find', 'collection': 'orders', 'filter': {'qty': {'$gte': 5}}}");

    assertThat(found.succeeded()).isTrue();
    Map<String, Object> output = output(found);
    assertThat(output.get("count")).isEqualTo(1);
    List<Map<String, Object>> documents = documents(found);
    assertThat(documents).hasSize(1);
    assertThat(documents.getFirst()).containsEntry("item", "pen").containsEntry("qty", 10);
    assertThat(documents.getFirst().get("_id")).isInstanceOf(String.class);
  }

  @Test
  void findWithoutFilterAnswersEverythingUpToTheLimit() {
    insert(alice, "orders", "{'n': 1}", "{'n': 2}", "{'n': 3}");

    StepFinished all = run(alice, "{'operation': 'find', 'collection': 'orders'}");
    StepFinished two = run(alice, "{'operation': 'find', 'collection': 'orders', 'limit': 2}");

    assertThat(documents(all)).hasSize(3);
    assertThat(documents(two)).hasSize(2);
    assertThat(output(two).get("count")).isEqualTo(2);
  }

  @Test
  void findCapsResultsWhateverTheLimit() {
    List<Document> many = new ArrayList<>();
    for (int i = 0; i < 1_005; i++) {
      many.add(new Document("n", i));
    }
    physical(alice, "events").insertMany(many);

    StepFinished byDefault = run(alice, "{'operation': 'find', 'collection': 'events'}");
    StepFinished huge = run(alice, "{'operation': 'find', 'collection': 'events', 'limit': 10000}");

    assertThat(documents(byDefault)).hasSize(100);
    assertThat(documents(huge)).hasSize(1_000);
    assertThat(output(huge).get("count")).isEqualTo(1_000);
  }

  @Test
  void findFailsWhenTheDocumentsAddUpToMoreThanTheResultSize() {
    DatabaseStep smallResults =
        new DatabaseStep(properties(DataSize.ofKilobytes(1)), database, fixedClock());
    insert(
        alice,
        "notes",
        "{'text': '" + "x".repeat(600) + "'}",
        "{'text': '" + "y".repeat(600) + "'}");

    StepFinished found =
        smallResults.execute(executeStep(alice, "{'operation': 'find', 'collection': 'notes'}"));

    assertThat(found.succeeded()).isFalse();
    assertThat(found.error().code()).isEqualTo("RESULT_TOO_LARGE");
    assertThat(found.error().retryable()).isFalse();
  }

  @Test
  void countCountsMatchingDocuments() {
    insert(alice, "orders", "{'status': 'open'}", "{'status': 'open'}", "{'status': 'done'}");

    StepFinished open =
        run(alice, "{'operation': 'count', 'collection': 'orders', 'filter': {'status': 'open'}}");
    StepFinished all = run(alice, "{'operation': 'count', 'collection': 'orders'}");

    assertThat(output(open)).containsEntry("count", 2L);
    assertThat(output(all)).containsEntry("count", 3L);
  }

  @Test
  void updateManyAnswersMatchedAndModified() {
    insert(
        alice,
        "orders",
        "{'status': 'open', 'n': 1}",
        "{'status': 'open', 'n': 2}",
        "{'status': 'done', 'n': 3}");

    StepFinished updated =
        run(
            alice,
            "{'operation': 'updateMany', 'collection': 'orders', 'filter': "
                + "{'status': 'open'}, 'update': {'$set': {'status': 'late'}, '$inc': {'n': 10},"
                + " '$push': {'log': 'late'}}}");

    assertThat(updated.succeeded()).isTrue();
    assertThat(output(updated)).containsEntry("matched", 2L).containsEntry("modified", 2L);
    assertThat(physical(alice, "orders").countDocuments(new Document("status", "late")))
        .isEqualTo(2);
    assertThat(physical(alice, "orders").countDocuments(new Document("n", 12))).isEqualTo(1);
  }

  @Test
  void deleteManyAnswersHowManyWentAway() {
    insert(alice, "orders", "{'status': 'open'}", "{'status': 'done'}", "{'status': 'done'}");

    StepFinished deleted =
        run(
            alice,
            "{'operation': 'deleteMany', 'collection': 'orders', 'filter': "
                + "{'status': 'done'}}");

    assertThat(output(deleted)).containsEntry("deleted", 2L);
    assertThat(physical(alice, "orders").countDocuments()).isEqualTo(1);
  }

  @Test
  void anIdFromAnOutputFindsTheStoredObjectId() {
    String id =
        (String)
            output(
                    run(
                        alice,
                        "{'operation': 'insertOne', 'collection': 'orders', 'document': "
                            + "{'status': 'open'}}"))
                .get("insertedId");

    StepFinished updated =
        run(
            alice,
            "{'operation': 'updateMany', 'collection': 'orders', 'filter': {'_id': '"
                + id
                + "'}, 'update': {'$set': {'status': 'done'}}}");
    StepFinished found =
        run(
            alice,
            "{'operation': 'find', 'collection': 'orders', 'filter': {'_id': {'$in': ['"
                + id
                + "']}}}");
    StepFinished deleted =
        run(
            alice,
            "{'operation': 'deleteMany', 'collection': 'orders', 'filter': "
                + "{'$and': [{'_id': {'$eq': '"
                + id
                + "'}}]}}");

    assertThat(output(updated)).containsEntry("matched", 1L);
    assertThat(documents(found))
        .singleElement()
        .satisfies(d -> assertThat(d).containsEntry("status", "done"));
    assertThat(output(deleted)).containsEntry("deleted", 1L);
  }

  @Test
  void aDocumentsOwnIdIsKeptAndADuplicateIsNotRetried() {
    StepFinished first =
        run(
            alice,
            "{'operation': 'insertOne', 'collection': 'orders', 'document': "
                + "{'_id': 'order-1', 'item': 'book'}}");
    StepFinished second =
        run(
            alice,
            "{'operation': 'insertOne', 'collection': 'orders', 'document': "
                + "{'_id': 'order-1', 'item': 'pen'}}");

    assertThat(output(first)).containsEntry("insertedId", "order-1");
    assertThat(second.succeeded()).isFalse();
    assertThat(second.error().code()).isEqualTo("DATABASE_ERROR");
    assertThat(second.error().retryable()).isFalse();
    assertThat(second.error().message()).doesNotContain(USERDATA).doesNotContain("u_");
  }

  @Test
  void aRedeliveredInsertStoresTheDocumentOnce() {
    ExecuteStep once =
        executeStep(
            alice,
            "{'operation': 'insertOne', 'collection': 'orders', 'document': "
                + "{'item': 'book'}}");

    StepFinished first = step.execute(once);
    StepFinished again = step.execute(once);

    assertThat(again.succeeded()).isTrue();
    assertThat(output(again).get("insertedId")).isEqualTo(output(first).get("insertedId"));
    assertThat(physical(alice, "orders").countDocuments()).isEqualTo(1);
    assertThat(new ObjectId((String) output(first).get("insertedId")).getTimestamp())
        .isEqualTo((int) NOW.getEpochSecond());
  }

  // --- isolation ------------------------------------------------------------------------------

  @Test
  void twoUsersOrdersAreTwoCollections() {
    run(
        alice,
        "{'operation': 'insertOne', 'collection': 'orders', 'document': {'owner': 'alice'}}");
    run(bob, "{'operation': 'insertOne', 'collection': 'orders', 'document': {'owner': 'bob'}}");

    List<String> names =
        mongo.client.getDatabase(USERDATA).listCollectionNames().into(new ArrayList<>());
    assertThat(names)
        .contains(
            CollectionNames.physical(alice, "orders"), CollectionNames.physical(bob, "orders"));
    assertThat(documents(run(bob, "{'operation': 'find', 'collection': 'orders'}")))
        .singleElement()
        .satisfies(d -> assertThat(d).containsEntry("owner", "bob"));
    assertThat(documents(run(alice, "{'operation': 'find', 'collection': 'orders'}")))
        .singleElement()
        .satisfies(d -> assertThat(d).containsEntry("owner", "alice"));
  }

  @Test
  void anotherUsersPhysicalNameOnlyReachesOnesOwnSpace() {
    run(alice, "{'operation': 'insertOne', 'collection': 'orders', 'document': {'secret': 1}}");
    String alicesCollection = CollectionNames.physical(alice, "orders");

    StepFinished found =
        run(bob, "{'operation': 'find', 'collection': '" + alicesCollection + "'}");
    StepFinished deleted =
        run(
            bob,
            "{'operation': 'deleteMany', 'collection': '"
                + alicesCollection
                + "', "
                + "'filter': {}}");

    // A name shaped like Alice's physical collection is just a name inside Bob's space.
    assertThat(found.succeeded()).isTrue();
    assertThat(documents(found)).isEmpty();
    assertThat(output(deleted)).containsEntry("deleted", 0L);
    assertThat(physical(alice, "orders").countDocuments()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../orders",
        "system.users",
        "system.profile",
        "orders.x",
        "$cmd",
        "_orders",
        "__orders",
        "a-b",
        ""
      })
  void namesThatWouldLeaveTheUsersSpaceAreRefusedBeforeAnythingIsSent(String name) {
    run(alice, "{'operation': 'insertOne', 'collection': 'orders', 'document': {'secret': 1}}");
    mongo.forgetSent();

    Map<String, Object> input = Json.map("{'operation': 'find'}");
    input.put("collection", name);
    StepFinished found = step.execute(executeStep(bob, input));

    assertThat(found.succeeded()).isFalse();
    assertThat(found.error().code()).isEqualTo("DATABASE_INVALID");
    assertThat(mongo.sentTo(USERDATA)).isEmpty();
  }

  @Test
  void platformCollectionsAreUnreachable() {
    MongoCollection<Document> executions =
        mongo.client.getDatabase(PLATFORM).getCollection("executions");
    executions.insertOne(new Document("userId", alice).append("status", "running"));
    mongo.forgetSent();

    StepFinished found = run(alice, "{'operation': 'find', 'collection': 'executions'}");
    StepFinished deleted =
        run(alice, "{'operation': 'deleteMany', 'collection': 'executions', 'filter': {}}");

    assertThat(mongo.sentTo(PLATFORM)).isEmpty();
    assertThat(documents(found)).isEmpty();
    assertThat(output(deleted)).containsEntry("deleted", 0L);
    assertThat(executions.countDocuments()).isEqualTo(1);
    assertThat(database.name()).isEqualTo(USERDATA);
  }

  @Test
  void theUserDataDatabaseCannotBeThePlatformsOwn() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> UserDataDatabase.open(propertiesFor("agentic-execution"), mongo.client, PLATFORM))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> UserDataDatabase.open(propertiesFor("my-data"), mongo.client, "My-Data"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> propertiesFor("admin"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> propertiesFor("agentic-auth"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- operator allow-list at run time --------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'$where': 'sleep(5000) || true'}",
        "{'$function': {'body': 'function() { return true }', 'args': [], 'lang': 'js'}}",
        "{'total': {'$accumulator': {'init': 'function() {}', 'lang': 'js'}}}",
        "{'$expr': {'$gt': ['$a', '$b']}}",
        "{'$lookup': {'from': 'users', 'localField': 'a', 'foreignField': 'b', 'as': 'u'}}",
        "{'$and': [{'status': 'open'}, {'$where': 'true'}]}",
        "{'items': {'$elemMatch': {'$where': 'true'}}}",
        "{'name': {'$where': 'this.secret'}}",
        "{'name': {'$regex': '^(a+)+$'}}"
      })
  void refusedFiltersSendNothingForAnyOperation(String filter) {
    insert(alice, "orders", "{'status': 'open'}", "{'status': 'done'}");
    mongo.forgetSent();

    for (String operation : List.of("find", "count", "updateMany", "deleteMany")) {
      Map<String, Object> input = Json.map("{'collection': 'orders'}");
      input.put("operation", operation);
      input.put("filter", Json.map(filter));
      if (operation.equals("updateMany")) {
        input.put("update", Json.map("{'$set': {'status': 'hacked'}}"));
      }

      StepFinished refused = step.execute(executeStep(alice, input));

      assertThat(refused.succeeded()).as(operation).isFalse();
      assertThat(refused.error().code()).as(operation).isEqualTo("DATABASE_OPERATOR_REFUSED");
      assertThat(refused.error().message()).as(operation).startsWith("operator $");
      assertThat(refused.error().retryable()).isFalse();
    }
    assertThat(mongo.sentTo(USERDATA)).isEmpty();
    assertThat(physical(alice, "orders").countDocuments()).isEqualTo(2);
    assertThat(physical(alice, "orders").countDocuments(new Document("status", "hacked"))).isZero();
  }

  @Test
  void anOperatorInjectedThroughATemplateValueIsRefused() {
    insert(alice, "users", "{'name': 'ann', 'password': 'x'}");
    mongo.forgetSent();
    // {'name': '{{inputs.name}}'} resolved by value with name = {"$ne": null} ... or $where.
    Map<String, Object> input = Json.map("{'operation': 'find', 'collection': 'users'}");
    input.put("filter", Map.of("name", Map.of("$where", "sleep(100) || true")));

    StepFinished refused = step.execute(executeStep(alice, input));

    assertThat(refused.error().code()).isEqualTo("DATABASE_OPERATOR_REFUSED");
    assertThat(refused.error().message()).contains("$where");
    assertThat(mongo.sentTo(USERDATA)).isEmpty();
  }

  @Test
  void aStringThatLooksLikeAnOperatorIsJustAString() {
    insert(alice, "users", "{'name': 'ann'}");

    StepFinished found =
        run(
            alice,
            "{'operation': 'find', 'collection': 'users', 'filter': "
                + "{'name': '{\\\"$ne\\\": null}'}}");

    assertThat(found.succeeded()).isTrue();
    assertThat(documents(found)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'$where': 'true'}",
        "{'$set': {'$where': 'x'}}",
        "{'$set': {'a': {'$function': {}}}}",
        "{'$setOnInsert': {'a': 1}}",
        "{'$rename': {'status': '$where'}}",
        "{'$pull': {'items': {'$where': 'true'}}}"
      })
  void refusedUpdatesChangeNothing(String update) {
    insert(alice, "orders", "{'status': 'open'}");
    mongo.forgetSent();
    Map<String, Object> input =
        Json.map("{'operation': 'updateMany', 'collection': 'orders', 'filter': {}}");
    input.put("update", Json.map(update));

    StepFinished refused = step.execute(executeStep(alice, input));

    assertThat(refused.error().code()).isEqualTo("DATABASE_OPERATOR_REFUSED");
    assertThat(mongo.sentTo(USERDATA)).isEmpty();
    assertThat(physical(alice, "orders").find().first().getString("status")).isEqualTo("open");
  }

  @Test
  void aReplacementDocumentIsNotAnUpdate() {
    insert(alice, "orders", "{'status': 'open'}");

    StepFinished refused =
        run(
            alice,
            "{'operation': 'updateMany', 'collection': 'orders', 'filter': {}, "
                + "'update': {'status': 'gone'}}");

    assertThat(refused.error().code()).isEqualTo("DATABASE_INVALID");
    assertThat(physical(alice, "orders").find().first().getString("status")).isEqualTo("open");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'$where': 'x'}",
        "{'a': {'$gt': 1}}",
        "{'a': [{'b': {'$expr': 1}}]}",
        "{'_id': {'$ne': null}}"
      })
  void documentsWithDollarFieldNamesAreNotInserted(String document) {
    mongo.forgetSent();
    Map<String, Object> input = Json.map("{'operation': 'insertOne', 'collection': 'orders'}");
    input.put("document", Json.map(document));

    StepFinished refused = step.execute(executeStep(alice, input));

    assertThat(refused.error().code()).isEqualTo("DATABASE_OPERATOR_REFUSED");
    assertThat(mongo.sentTo(USERDATA)).isEmpty();
    assertThat(physical(alice, "orders").countDocuments()).isZero();
  }

  // --- invalid input and failures -------------------------------------------------------------

  @Test
  void aDocumentOverTheSizeCapIsNotStored() {
    Map<String, Object> input = Json.map("{'operation': 'insertOne', 'collection': 'files'}");
    input.put("document", Map.of("blob", "x".repeat(1_100_000)));
    mongo.forgetSent();

    StepFinished refused = step.execute(executeStep(alice, input));

    assertThat(refused.error().code()).isEqualTo("DOCUMENT_TOO_LARGE");
    assertThat(refused.error().retryable()).isFalse();
    assertThat(mongo.sentTo(USERDATA)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'collection': 'orders'}",
        "{'operation': 'drop', 'collection': 'orders'}",
        "{'operation': 'aggregate', 'collection': 'orders'}",
        "{'operation': 'find', 'collection': 'orders', 'filter': 'status'}",
        "{'operation': 'find', 'collection': 'orders', 'filter': ['a']}",
        "{'operation': 'find', 'collection': 'orders', 'limit': 0}",
        "{'operation': 'find', 'collection': 'orders', 'limit': 2.5}",
        "{'operation': 'find', 'collection': 'orders', 'limit': '10'}",
        "{'operation': 'find', 'collection': 'orders', 'document': {'a': 1}}",
        "{'operation': 'count', 'collection': 'orders', 'limit': 5}",
        "{'operation': 'insertOne', 'collection': 'orders'}",
        "{'operation': 'insertOne', 'collection': 'orders', 'document': [1]}",
        "{'operation': 'insertOne', 'collection': 'orders', 'document': {}, 'filter': {}}",
        "{'operation': 'updateMany', 'collection': 'orders', 'filter': {}}",
        "{'operation': 'updateMany', 'collection': 'orders', 'update': {}}",
        "{'operation': 'deleteMany', 'collection': 'orders'}",
        "{'operation': 'find'}"
      })
  void badInputShapesFailWithoutTouchingTheDatabase(String input) {
    mongo.forgetSent();

    StepFinished refused = run(alice, input);

    assertThat(refused.succeeded()).isFalse();
    assertThat(refused.error().code()).isEqualTo("DATABASE_INVALID");
    assertThat(refused.error().retryable()).isFalse();
    assertThat(mongo.sentTo(USERDATA)).isEmpty();
  }

  @Test
  void noInputOrNoUserIsInvalid() {
    StepFinished noInput = step.execute(executeStep(alice, (Map<String, Object>) null));
    StepFinished noUser =
        step.execute(executeStep(null, Json.map("{'operation': 'find', 'collection': 'x'}")));

    assertThat(noInput.error().code()).isEqualTo("DATABASE_INVALID");
    assertThat(noUser.error().code()).isEqualTo("DATABASE_INVALID");
  }

  @Test
  void anUnreachableDatabaseIsARetryableErrorWithoutInternals() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    DatabaseStepProperties elsewhere =
        new DatabaseStepProperties(
            USERDATA,
            "mongodb://127.0.0.1:"
                + closedPort
                + "/?serverSelectionTimeoutMS=300"
                + "&connectTimeoutMS=300",
            Duration.ofSeconds(5),
            100,
            1000,
            DataSize.ofMegabytes(1),
            DataSize.ofMegabytes(16));
    try (UserDataDatabase down = UserDataDatabase.open(elsewhere, null, PLATFORM)) {
      DatabaseStep unreachable = new DatabaseStep(elsewhere, down, fixedClock());

      StepFinished failed =
          unreachable.execute(
              executeStep(alice, Json.map("{'operation': 'count', 'collection': 'orders'}")));

      assertThat(failed.succeeded()).isFalse();
      assertThat(failed.error().code()).isEqualTo("DATABASE_ERROR");
      assertThat(failed.error().retryable()).isTrue();
      assertThat(failed.error().message())
          .doesNotContain("127.0.0.1")
          .doesNotContain(String.valueOf(closedPort));
    }
  }

  @Test
  void answersWithTheStepsIdentityAndTimes() {
    ExecuteStep executeStep =
        executeStep(alice, Json.map("{'operation': 'count', 'collection': 'x'}"));

    StepFinished finished = step.execute(executeStep);

    assertThat(step.type()).isEqualTo(NodeType.DATABASE);
    assertThat(finished.stepId()).isEqualTo(executeStep.stepId());
    assertThat(finished.executionId()).isEqualTo(executeStep.executionId());
    assertThat(finished.nodeId()).isEqualTo("db");
    assertThat(finished.attempt()).isEqualTo(1);
    assertThat(finished.startedAt()).isEqualTo(NOW);
    assertThat(finished.finishedAt()).isEqualTo(NOW);
    assertThat(finished.usage()).isNull();
  }

  // --- helpers --------------------------------------------------------------------------------

  private static DatabaseStepProperties properties(DataSize maxResultSize) {
    return new DatabaseStepProperties(
        USERDATA, "", Duration.ofSeconds(5), 100, 1000, DataSize.ofMegabytes(1), maxResultSize);
  }

  private static DatabaseStepProperties propertiesFor(String databaseName) {
    return new DatabaseStepProperties(
        databaseName,
        "",
        Duration.ofSeconds(5),
        100,
        1000,
        DataSize.ofMegabytes(1),
        DataSize.ofMegabytes(16));
  }

  private static Clock fixedClock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  private StepFinished run(String userId, String input) {
    return step.execute(executeStep(userId, input));
  }

  private static ExecuteStep executeStep(String userId, String input) {
    return executeStep(userId, Json.map(input));
  }

  private static ExecuteStep executeStep(String userId, Map<String, Object> input) {
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
        input == null ? null : new HashMap<>(input),
        60_000,
        NOW);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> output(StepFinished finished) {
    assertThat(finished.succeeded()).as("%s", finished.error()).isTrue();
    return (Map<String, Object>) finished.output();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> documents(StepFinished finished) {
    return (List<Map<String, Object>>) output(finished).get("documents");
  }

  private static MongoCollection<Document> physical(String userId, String collection) {
    MongoDatabase userdata = mongo.client.getDatabase(USERDATA);
    return userdata.getCollection(CollectionNames.physical(userId, collection));
  }

  private static void insert(String userId, String collection, String... documents) {
    for (String document : documents) {
      physical(userId, collection).insertOne(new Document(Json.map(document)));
    }
  }
}
