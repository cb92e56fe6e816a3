package io.agentic.local;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * A quiet console, so the ready line stands out: WARN for frameworks (the broker included), INFO
 * for the suite's own code. Logging is set up once for the whole JVM before anything starts; the
 * six contexts then find it set up and only apply these same levels.
 */
final class QuietLogging {
  private QuietLogging() {}

  /** Given to every service too, so no context changes the levels while the others run. */
  static final Map<String, String> PROPERTIES = properties();

  private static Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("logging.level.root", "WARN");
    p.put("logging.level.io.agentic", "INFO");
    p.put("logging.level.org.apache.kafka", "WARN");
    p.put("logging.level.kafka", "WARN");
    // Normal on a first start, alarming to a newcomer: consumers subscribing before the owning
    // service has created its topics, the controller bootstrapping an empty log, a client closed
    // twice at shutdown. Real Kafka trouble still fails requests and reaches the health checks.
    p.put("logging.level.org.apache.kafka.clients.NetworkClient", "ERROR");
    p.put("logging.level.org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils", "ERROR");
    p.put("logging.level.org.apache.kafka.controller.QuorumController", "ERROR");
    // The embedded MongoDB warns for every non-unique index it does not build: nothing to act on.
    p.put("logging.level.de.bwaldvogel.mongo.backend", "ERROR");
    // Advice for production deployments, not for a laptop: springdoc's "enabled by default" and
    // Spring's note on beans created before every post-processor (Spring Cloud's, in the gateway).
    p.put("logging.level.org.springdoc.core.events.SpringDocAppInitializer", "ERROR");
    p.put(
        "logging.level.org.springframework.context.support.PostProcessorRegistrationDelegate",
        "ERROR");
    // One logging set-up serves six contexts: one application name would mislabel the others.
    p.put("logging.include-application-name", "false");
    return Map.copyOf(p);
  }

  /**
   * Sets logging up with these levels, below the JVM's system properties and environment (so {@code
   * -Dlogging.level.io.agentic.local=DEBUG} shows how long each piece took to start).
   */
  static synchronized void apply() {
    LoggingSystem system = LoggingSystem.get(QuietLogging.class.getClassLoader());
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addLast(new MapPropertySource("local-mode", Map.copyOf(PROPERTIES)));
    system.beforeInitialize();
    system.initialize(new LoggingInitializationContext(environment), null, null);
    Binder.get(environment)
        .bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
        .orElse(Map.of())
        .forEach(
            (logger, level) ->
                system.setLogLevel(
                    logger.equalsIgnoreCase("root") ? LoggingSystem.ROOT_LOGGER_NAME : logger,
                    level));
  }
}
