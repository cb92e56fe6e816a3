package io.agentic.workflow.crud;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.platform.security.CurrentUser;
import io.agentic.workflow.Api;
import io.agentic.workflow.Api.Answer;
import io.agentic.workflow.TestTokens;
import io.agentic.workflow.WorkflowBodies;
import io.agentic.workflow.WorkflowServiceTest;
import io.agentic.workflow.cache.TestCaches;
import io.agentic.workflow.cache.WorkflowCache;
import io.agentic.workflow.graph.GraphValidator;
import io.agentic.workflow.publish.WorkflowAnnouncer;
import io.agentic.workflow.store.WorkflowDocument;
import io.agentic.workflow.store.WorkflowStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis read cache: a read after a write sees the write, on this replica and on another one (a
 * second service with its own Redis connection and nothing else in common), and the cache never
 * shows a workflow to someone who may not read it.
 */
@WorkflowServiceTest
class WorkflowReadCacheIT {

  @LocalServerPort int port;
  @Autowired WorkflowStore store;
  @Autowired GraphValidator validator;
  @Autowired WorkflowAnnouncer announcer;
  @Autowired WorkflowCache cache;
  @Autowired StringRedisTemplate redis;
  @Autowired MeterRegistry meters;

  @Value("${spring.data.redis.url}")
  String redisUrl;

  Api api;
  String alice;
  String aliceToken;
  String id;
  String path;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    alice = TestTokens.newUserId();
    aliceToken = TestTokens.user(alice);
    id =
        api.post("/api/workflows", aliceToken, WorkflowBodies.minimal("cached"))
            .body()
            .path("id")
            .asString();
    path = "/api/workflows/" + id;
  }

  private Object cachedDoc() {
    return redis.opsForHash().get("workflow:cache:" + id, "doc");
  }

  private double count(String result) {
    return meters
        .get("agentic.cache.requests")
        .tag("cache", "workflow")
        .tag("result", result)
        .counter()
        .count();
  }

  /** The same service with a cache of its own connection: another replica. */
  private WorkflowService anotherReplica() {
    URI uri = URI.create(redisUrl);
    WorkflowCache itsCache =
        TestCaches.connectedTo(
            uri.getHost(),
            uri.getPort(),
            Duration.ofMinutes(10),
            new SimpleMeterRegistry(),
            Clock.systemUTC());
    return new WorkflowService(store, validator, announcer, itsCache);
  }

  @Test
  void servesRepeatedReadsFromRedisAndCountsHitsAndMisses() {
    double hits = count("hit");
    double misses = count("miss");

    Answer first = api.get(path, aliceToken);
    Answer second = api.get(path, aliceToken);

    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.header("ETag")).isEqualTo("\"1\"");
    assertThat(cachedDoc()).isNotNull();
    assertThat(redis.getExpire("workflow:cache:" + id)).isPositive();
    assertThat(count("miss") - misses).isEqualTo(1);
    assertThat(count("hit") - hits).isEqualTo(1);
  }

  @Test
  void readsEachWriteAtOnce() {
    api.get(path, aliceToken);

    Answer updated = api.put(path, aliceToken, WorkflowBodies.minimal("renamed"));
    Answer read = api.get(path, aliceToken);
    api.put(
        path,
        aliceToken,
        WorkflowBodies.minimal("archived", "", List.of(), WorkflowDocument.ARCHIVED));
    Answer archived = api.get(path, aliceToken);

    assertThat(updated.status()).isEqualTo(200);
    assertThat(read.body().path("version").asInt()).isEqualTo(2);
    assertThat(read.body().path("name").asString()).isEqualTo("renamed");
    assertThat(read.header("ETag")).isEqualTo("\"2\"");
    assertThat(archived.body().path("status").asString()).isEqualTo("archived");
    assertThat(archived.body().path("version").asInt()).isEqualTo(3);
  }

  @Test
  void appliesSharingAtOnceAndNeverShowsACachedWorkflowToOthers() {
    String bob = TestTokens.newUserId();
    String bobToken = TestTokens.user(bob);
    String carolToken = TestTokens.user(TestTokens.newUserId());
    api.get(path, aliceToken);
    assertThat(cachedDoc()).isNotNull();

    assertThat(api.get(path, bobToken).status()).isEqualTo(404);
    api.put(path + "/permissions", aliceToken, Map.of("viewers", List.of(bob)));
    assertThat(api.get(path, bobToken).status()).isEqualTo(200);
    api.put(path + "/permissions", aliceToken, Map.of("viewers", List.of()));
    assertThat(api.get(path, bobToken).status()).isEqualTo(404);
    assertThat(api.get(path, carolToken).status()).isEqualTo(404);
    api.put(path + "/permissions", aliceToken, Map.of("isPublic", true));
    assertThat(api.get(path, carolToken).status()).isEqualTo(200);
  }

  @Test
  void forgetsADeletedWorkflowAtOnce() {
    api.get(path, aliceToken);
    api.get(path + "/versions/1", aliceToken);

    assertThat(api.delete(path, aliceToken).status()).isEqualTo(204);

    assertThat(api.get(path, aliceToken).status()).isEqualTo(404);
    assertThat(api.get(path + "/versions/1", aliceToken).status()).isEqualTo(404);
  }

  @Test
  void cachesVersionsWhichNeverChange() {
    double hits = count("hit");
    api.put(path, aliceToken, WorkflowBodies.minimal("v2"));

    Answer first = api.get(path + "/versions/1", aliceToken);
    Answer again = api.get(path + "/versions/1", aliceToken);

    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.body().path("name").asString()).isEqualTo("cached");
    assertThat(redis.hasKey("workflow:cache:" + id + ":v:1")).isTrue();
    // the second read of the version and the two of the workflow it checks access with
    assertThat(count("hit") - hits).isEqualTo(2);
  }

  @Test
  void anotherReplicaSeesTheWritesOfThisOneAtOnceAndTheOtherWayRound() {
    WorkflowService replica = anotherReplica();
    CurrentUser aliceUser = new CurrentUser(alice, "alice", "user", Set.of(), "jti");
    // both replicas have the workflow cached
    api.get(path, aliceToken);
    assertThat(replica.readable(aliceUser, id).version()).isEqualTo(1);

    // a write on the other replica is seen here
    replica.update(aliceUser, id, request("written elsewhere"), null);
    Answer here = api.get(path, aliceToken);
    assertThat(here.body().path("version").asInt()).isEqualTo(2);
    assertThat(here.body().path("name").asString()).isEqualTo("written elsewhere");

    // and a write here is seen there
    api.put(path, aliceToken, WorkflowBodies.minimal("written here"));
    WorkflowDocument there = replica.readable(aliceUser, id);
    assertThat(there.version()).isEqualTo(3);
    assertThat(there.name()).isEqualTo("written here");
  }

  @Test
  void aReadRacingAWriteDoesNotPutBackWhatTheWriteReplaced() {
    AtomicInteger loads = new AtomicInteger();

    // a read loads the workflow from MongoDB, and before it can store it a write invalidates
    Optional<WorkflowDocument> read =
        cache.workflow(
            id,
            () -> {
              Optional<WorkflowDocument> old = store.find(id);
              cache.invalidate(id);
              return old;
            });

    assertThat(read).isPresent();
    assertThat(cachedDoc()).isNull();
    cache.workflow(
        id,
        () -> {
          loads.incrementAndGet();
          return store.find(id);
        });
    assertThat(loads).hasValue(1);
    assertThat(cachedDoc()).isNotNull();
  }

  @Test
  void switchedOffNeitherReadsNorFillsRedisButStillInvalidatesOnWrites() {
    SimpleMeterRegistry offMeters = new SimpleMeterRegistry();
    URI uri = URI.create(redisUrl);
    WorkflowService off =
        new WorkflowService(
            store,
            validator,
            announcer,
            TestCaches.switchedOff(uri.getHost(), uri.getPort(), offMeters));
    CurrentUser aliceUser = new CurrentUser(alice, "alice", "user", Set.of(), "jti");

    // reads with the cache off store nothing in Redis
    assertThat(off.readable(aliceUser, id).name()).isEqualTo("cached");
    assertThat(off.version(id, 1)).isPresent();
    assertThat(redis.hasKey("workflow:cache:" + id)).isFalse();
    assertThat(redis.hasKey("workflow:cache:" + id + ":v:1")).isFalse();

    // an entry that differs from MongoDB, which a cache switched on serves...
    api.get(path, aliceToken);
    String doc = (String) cachedDoc();
    assertThat(doc).contains("\"cached\"");
    redis.opsForHash().put("workflow:cache:" + id, "doc", doc.replace("\"cached\"", "\"stale\""));
    assertThat(api.get(path, aliceToken).body().path("name").asString()).isEqualTo("stale");
    // ...is not read with the cache off, and nothing is counted
    assertThat(off.readable(aliceUser, id).name()).isEqualTo("cached");
    assertThat(offMeters.find("agentic.cache.requests").counters())
        .hasSize(2)
        .allSatisfy(counter -> assertThat(counter.count()).isZero());

    // a write with the cache off still drops the entry: switched back on, no older state is served
    off.update(aliceUser, id, request("written with the cache off"), null);
    assertThat(cachedDoc()).isNull();
    assertThat(api.get(path, aliceToken).body().path("name").asString())
        .isEqualTo("written with the cache off");
  }

  @Test
  void prometheusShowsTheHitsAndMissesTheHitRatioIsReadFrom() {
    api.get(path, aliceToken);
    api.get(path, aliceToken);

    Answer scrape = api.get("/actuator/prometheus", null);

    assertThat(scrape.status()).as("%s", scrape).isEqualTo(200);
    String text = scrape.raw().body();
    assertThat(scraped(text, "hit")).isEqualTo(count("hit")).isGreaterThanOrEqualTo(1);
    assertThat(scraped(text, "miss")).isEqualTo(count("miss")).isGreaterThanOrEqualTo(1);
  }

  /** The value of {@code agentic_cache_requests_total{cache="workflow",result=...}}. */
  private static double scraped(String prometheus, String result) {
    return prometheus
        .lines()
        .filter(line -> line.startsWith("agentic_cache_requests_total{"))
        .filter(line -> line.contains("cache=\"workflow\""))
        .filter(line -> line.contains("result=\"" + result + "\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + result + " sample in " + prometheus));
  }

  private static WorkflowRequest request(String name) {
    Map<String, Object> body = WorkflowBodies.minimal(name);
    return Api.JSON.convertValue(body, WorkflowRequest.class);
  }
}
