package io.agentic.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentic.local.services.AgenticService;
import io.agentic.local.services.ExtraInitializers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

class LocalSettingsTest {

  @Test
  void defaultsToEmbeddedInfrastructureOnTheDocumentedPortsUnderDotData() {
    // given an empty environment
    // when
    LocalSettings settings = LocalSettings.fromEnvironment(Map.of());

    // then
    assertThat(settings.dataDir()).isEqualTo(Path.of("data").toAbsolutePath().normalize());
    assertThat(settings.ports())
        .containsEntry(AgenticService.GATEWAY, 8080)
        .containsEntry(AgenticService.AUTH, 8081)
        .containsEntry(AgenticService.WORKFLOW, 8082)
        .containsEntry(AgenticService.EXECUTION, 8083)
        .containsEntry(AgenticService.AI_ROUTER, 8084)
        .containsEntry(AgenticService.ANALYTICS, 8085);
    assertThat(settings.kafkaBootstrapServers()).isNull();
    assertThat(settings.mongoUri()).isNull();
    assertThat(settings.redisUrl()).isNull();
    assertThat(settings.kafkaPartitions()).isEqualTo(LocalSettings.LOCAL_PARTITIONS);
    assertThat(settings.properties()).isEmpty();
  }

  @Test
  void readsPortsDataDirAndExternalInfrastructureFromTheEnvironment() {
    // given
    Map<String, String> env =
        Map.of(
            "PORT", "9090",
            "EXECUTION_SERVICE_PORT", " 9093 ",
            "AGENTIC_DATA_DIR", "/tmp/agentic-data/../agentic-data",
            "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
            "MONGODB_URI", "mongodb://mongo:27017",
            "REDIS_URL", "redis://redis:6379");

    // when
    LocalSettings settings = LocalSettings.fromEnvironment(env);

    // then
    assertThat(settings.ports())
        .containsEntry(AgenticService.GATEWAY, 9090)
        .containsEntry(AgenticService.EXECUTION, 9093)
        .containsEntry(AgenticService.AUTH, 8081);
    assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/agentic-data"));
    assertThat(settings.kafkaBootstrapServers()).isEqualTo("kafka:9092");
    assertThat(settings.mongoUri()).isEqualTo("mongodb://mongo:27017");
    assertThat(settings.redisUrl()).isEqualTo("redis://redis:6379");
  }

  @Test
  void treatsBlankInfrastructureVariablesAsUnset() {
    // given
    Map<String, String> env =
        Map.of("KAFKA_BOOTSTRAP_SERVERS", " ", "MONGODB_URI", "", "REDIS_URL", "  ");

    // when
    LocalSettings settings = LocalSettings.fromEnvironment(env);

    // then
    assertThat(settings.kafkaBootstrapServers()).isNull();
    assertThat(settings.mongoUri()).isNull();
    assertThat(settings.redisUrl()).isNull();
  }

  @Test
  void passesAdminAccountAllowListAndProviderKeysToTheServices() {
    // given
    Map<String, String> env =
        Map.of(
            "AGENTIC_ADMIN_EMAIL", "admin@example.com",
            "AGENTIC_ADMIN_PASSWORD", "s3cret-pass",
            "AGENTIC_HTTP_ALLOW_HOSTS", "127.0.0.1:9999,10.0.0.0/8",
            "GROQ_API_KEY", "gsk_test",
            "AGENTIC_GATEWAY_SECRET", "shared-with-auth",
            "OPENAI_BASE_URL", "http://localhost:11434/v1",
            "UNRELATED", "x");

    // when
    LocalSettings settings = LocalSettings.fromEnvironment(env);

    // then
    assertThat(settings.properties())
        .containsEntry("agentic.auth.admin-email", "admin@example.com")
        .containsEntry("agentic.auth.admin-password", "s3cret-pass")
        .containsEntry("agentic.http.allow-hosts", "127.0.0.1:9999,10.0.0.0/8")
        .containsEntry("GROQ_API_KEY", "gsk_test")
        .containsEntry("AGENTIC_GATEWAY_SECRET", "shared-with-auth")
        .containsEntry("OPENAI_BASE_URL", "http://localhost:11434/v1")
        .doesNotContainKey("UNRELATED");
  }

  @Test
  void rejectsAPortThatIsNotANumberNamingTheVariable() {
    assertThatThrownBy(() -> LocalSettings.fromEnvironment(Map.of("AUTH_SERVICE_PORT", "eighty")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AUTH_SERVICE_PORT must be a port number, not 'eighty'");
  }

  @Test
  void rejectsAPortOutOfRange() {
    assertThatThrownBy(() -> LocalSettings.fromEnvironment(Map.of("PORT", "70000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PORT is not a port: 70000");
  }

  @Test
  void testSettingsTakeFreePortsAndLaterPropertiesWin() {
    // given
    LocalSettings settings =
        LocalSettings.onFreePorts(Path.of("/tmp/x"))
            .withProperties(Map.of("a", 1))
            .withProperties(Map.of("a", "2", "b", true))
            .withRedisUrl("redis://127.0.0.1:6379")
            .withKafkaPartitions(2);

    // then
    assertThat(settings.ports().values()).containsOnly(0);
    assertThat(settings.properties()).containsEntry("a", "2").containsEntry("b", "true");
    assertThat(settings.redisUrl()).isEqualTo("redis://127.0.0.1:6379");
    assertThat(settings.kafkaPartitions()).isEqualTo(2);
  }

  /** Does nothing: only its name matters here. */
  static class Noop implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {}
  }

  @Test
  void namesTheExtraInitializersForEveryServiceKeepingEarlierOnes() {
    // given
    LocalSettings settings = LocalSettings.onFreePorts(Path.of("data"));

    // when
    LocalSettings with = settings.withInitializers(Noop.class).withInitializers(Noop.class);

    // then
    String name = Noop.class.getName();
    assertThat(with.properties()).containsEntry(ExtraInitializers.PROPERTY, name + "," + name);
  }
}
