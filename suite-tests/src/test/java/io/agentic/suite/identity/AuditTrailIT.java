package io.agentic.suite.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.contracts.Topics;
import io.agentic.suite.SuiteAccess;
import io.agentic.suite.SuiteAccess.Answer;
import io.agentic.suite.SuiteAccess.Client;
import io.agentic.suite.SuiteAccess.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail of one account's life, driven through the gateway. API.md has no audit endpoint:
 * the trail is the Kafka topic {@code auth.audit.v1} (docs/events.md), read here from the suite's
 * embedded broker as an audit consumer would.
 */
class AuditTrailIT {

  private final Client gateway = SuiteAccess.client();

  @Test
  void recordsEverySecurityActionOfAnAccountWithoutSecrets() {
    // given a user who signs up, signs in (Session), fails once, manages a key, reuses a refresh
    // token, logs out, and whom an admin demotes and finally deletes
    String admin = gateway.adminToken();
    String adminId = gateway.get("/api/auth/me", admin).json().path("id").asString();
    Session user = gateway.newUser();
    gateway.login(user.email(), "not the password");
    Answer key = gateway.post("/api/auth/api-keys", Map.of("name", "audited"), user.token());
    assertThat(key.status()).as("%s", key).isEqualTo(201);
    String keyId = key.json().path("id").asString();
    assertThat(gateway.delete("/api/auth/api-keys/" + keyId, user.token()).status()).isEqualTo(204);
    gateway.post("/api/auth/refresh", Map.of("refreshToken", user.refreshToken()), null);
    gateway.post("/api/auth/refresh", Map.of("refreshToken", user.refreshToken()), null);
    Answer again = gateway.login(user.username(), user.password());
    String token = again.json().path("accessToken").asString();
    assertThat(gateway.post("/api/auth/logout", Map.of(), token).status()).isEqualTo(204);
    assertThat(
            gateway
                .put("/api/auth/users/" + user.userId() + "/role", Map.of("role", "viewer"), admin)
                .status())
        .isEqualTo(200);
    assertThat(gateway.delete("/api/auth/users/" + user.userId(), admin).status()).isEqualTo(204);

    // when the audit topic is read
    List<ConsumerRecord<String, String>> trail = auditOf(user.userId(), "user_deleted");

    // then every action is there, in order, attributed to whoever did it
    assertThat(trail)
        .extracting(record -> json(record).path("action").asString())
        .containsSubsequence(
            "register",
            "login",
            "login_failed",
            "api_key_created",
            "api_key_deleted",
            "refresh_reuse",
            "login",
            "logout",
            "role_changed",
            "user_deleted");
    for (ConsumerRecord<String, String> record : trail) {
      JsonNode event = json(record);
      String action = event.path("action").asString();
      assertThat(event.path("eventId").asString()).as(record.value()).isNotBlank();
      assertThat(event.path("timestamp").asString()).as(record.value()).isNotBlank();
      assertThat(event.path("outcome").asString())
          .as(record.value())
          .isEqualTo(
              action.equals("login_failed") || action.equals("refresh_reuse")
                  ? "failure"
                  : "success");
      // keyed by the actor, or the subject when nobody is known to have acted
      String actor = event.path("actorId").isNull() ? null : event.path("actorId").asString();
      assertThat(record.key()).as(record.value()).isEqualTo(actor != null ? actor : user.userId());
      switch (action) {
        case "role_changed", "user_deleted" -> assertThat(actor).isEqualTo(adminId);
        case "login_failed", "refresh_reuse" -> assertThat(actor).as(record.value()).isNull();
        default -> assertThat(actor).as(record.value()).isEqualTo(user.userId());
      }
      // no secrets: not the password, no token, not the key
      assertThat(record.value())
          .doesNotContain(user.password())
          .doesNotContain("not the password")
          .doesNotContain(user.token())
          .doesNotContain(user.refreshToken())
          .doesNotContain(token)
          .doesNotContain(key.json().path("key").asString());
    }
    JsonNode roleChange = eventOf(trail, "role_changed");
    assertThat(roleChange.path("details").path("from").asString()).isEqualTo("user");
    assertThat(roleChange.path("details").path("to").asString()).isEqualTo("viewer");
    assertThat(eventOf(trail, "api_key_deleted").path("details").path("keyId").asString())
        .isEqualTo(keyId);
  }

  /** {@code subjectId}'s audit records, read from the start until {@code last} appears. */
  private static List<ConsumerRecord<String, String>> auditOf(String subjectId, String last) {
    List<ConsumerRecord<String, String>> trail = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.AUDIT).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollDelay(Duration.ZERO)
          .untilAsserted(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  if (subjectId.equals(json(record).path("subjectId").asString())) {
                    trail.add(record);
                  }
                }
                assertThat(trail)
                    .extracting(record -> json(record).path("action").asString())
                    .contains(last);
              });
    }
    // one partition per key keeps each actor's records in order; across actors, order by time
    trail.sort(
        Comparator.comparing(
            (ConsumerRecord<String, String> record) ->
                Instant.parse(json(record).path("timestamp").asString())));
    return trail;
  }

  private static KafkaConsumer<String, String> consumer() {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteAccess.kafkaBootstrapServers());
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
  }

  private static JsonNode eventOf(List<ConsumerRecord<String, String>> trail, String action) {
    return trail.stream()
        .map(AuditTrailIT::json)
        .filter(event -> event.path("action").asString().equals(action))
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode json(ConsumerRecord<String, String> record) {
    return SuiteAccess.JSON.readTree(record.value());
  }
}
