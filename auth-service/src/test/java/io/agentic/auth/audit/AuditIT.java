package io.agentic.auth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.auth.AuthApi;
import io.agentic.auth.AuthApi.Account;
import io.agentic.auth.AuthServiceIntegrationTest;
import io.agentic.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@AuthServiceIntegrationTest
class AuditIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void recordsSecurityActionsWithoutSecrets() {
    // given
    AuthApi api = new AuthApi(port);
    Account account = api.newAccount();
    api.login(account.username(), "wrong-password-123");
    String access = api.login(account.username(), AuthApi.PASSWORD).text("accessToken");
    String spent = account.refreshToken();
    api.refresh(spent);
    api.refresh(spent); // reuse
    api.post("/api/auth/logout", null, access);

    // then
    List<JsonNode> events = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(Topics.AUDIT));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  JsonNode event = JSON.readTree(record.value());
                  if (account.id().equals(event.path("subjectId").asString())) {
                    events.add(event);
                    assertThat(record.value())
                        .doesNotContain(AuthApi.PASSWORD)
                        .doesNotContain(spent)
                        .doesNotContain(access);
                  }
                }
                assertThat(events)
                    .extracting(e -> e.path("action").asString())
                    .contains("register", "login_failed", "login", "refresh_reuse", "logout");
              });
    }
    JsonNode failed =
        events.stream()
            .filter(e -> e.path("action").asString().equals("login_failed"))
            .findFirst()
            .orElseThrow();
    assertThat(failed.path("outcome").asString()).isEqualTo("failure");
    assertThat(failed.path("eventId").asString()).isNotBlank();
    assertThat(failed.path("timestamp").asString()).isNotBlank();
  }

  @Test
  void recordsKeyCreationKeyDeletionAndUserDeletion() {
    // given
    AuthApi api = new AuthApi(port);
    String admin =
        api.login(AuthServiceIntegrationTest.ADMIN_EMAIL, AuthServiceIntegrationTest.ADMIN_PASSWORD)
            .text("accessToken");
    Account account = api.newAccount();
    AuthApi.Response key = api.createKey(account.accessToken(), "k", null);
    api.delete("/api/auth/api-keys/" + key.text("id"), account.accessToken());
    api.delete("/api/auth/users/" + account.id(), admin);

    // then
    List<JsonNode> events = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(Topics.AUDIT));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  JsonNode event = JSON.readTree(record.value());
                  if (account.id().equals(event.path("subjectId").asString())) {
                    events.add(event);
                    assertThat(record.value()).doesNotContain(key.text("key"));
                  }
                }
                assertThat(events)
                    .extracting(e -> e.path("action").asString())
                    .contains("api_key_created", "api_key_deleted", "user_deleted");
              });
    }
    JsonNode created =
        events.stream()
            .filter(e -> e.path("action").asString().equals("api_key_created"))
            .findFirst()
            .orElseThrow();
    assertThat(created.path("details").path("keyId").asString()).isEqualTo(key.text("id"));
    JsonNode deleted =
        events.stream()
            .filter(e -> e.path("action").asString().equals("user_deleted"))
            .findFirst()
            .orElseThrow();
    assertThat(deleted.path("actorId").asString()).isNotEqualTo(account.id()).isNotBlank();
  }

  @Test
  void publishesTheRecordWithinTheRequestsTrace() {
    // given a client that starts a trace
    AuthApi api = new AuthApi(port);
    Account account = api.newAccount();
    String traceId = hex(16);
    HttpHeaders headers = new HttpHeaders();
    headers.set("traceparent", "00-" + traceId + "-" + hex(8) + "-01");

    // when its sign-in fails (recorded off the request thread)
    AuthApi.Response failed =
        api.send(
            HttpMethod.POST,
            "/api/auth/login",
            AuthApi.json(Map.of("login", account.username(), "password", "wrong-password-123")),
            null,
            headers);
    assertThat(failed.status()).isEqualTo(401);

    // then the audit record continues the client's trace
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(Topics.AUDIT));
      List<String> traceparents = new ArrayList<>();
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  JsonNode event = JSON.readTree(record.value());
                  Header traceparent = record.headers().lastHeader("traceparent");
                  if (account.id().equals(event.path("subjectId").asString())
                      && "login_failed".equals(event.path("action").asString())) {
                    traceparents.add(
                        traceparent == null
                            ? null
                            : new String(traceparent.value(), StandardCharsets.US_ASCII));
                  }
                }
                assertThat(traceparents).isNotEmpty();
              });
      assertThat(traceparents.getFirst()).startsWith("00-" + traceId + "-");
    }
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private KafkaConsumer<String, String> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            "audit-it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class));
  }
}
