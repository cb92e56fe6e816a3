package io.agentic.local.services;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * MongoDB's health in local mode, by {@code ping}. Boot's own indicator sends {@code hello}, which
 * the embedded MongoDB-wire server does not implement, so every service would report DOWN; local
 * mode switches Boot's off ({@code management.health.mongodb.enabled=false}) and this on ({@value
 * #PROPERTY}). A service running alone never sees the property.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass({MongoClient.class, HealthIndicator.class})
@ConditionalOnBooleanProperty(LocalMongoHealthAutoConfiguration.PROPERTY)
public class LocalMongoHealthAutoConfiguration {

  static final String PROPERTY = "agentic.local.mongo-ping-health";

  @Bean
  @ConditionalOnBean(MongoClient.class)
  HealthIndicator mongoHealthIndicator(MongoClient client) {
    return new AbstractHealthIndicator("MongoDB health check failed") {
      @Override
      protected void doHealthCheck(Health.Builder builder) {
        client.getDatabase("admin").runCommand(new Document("ping", 1));
        builder.up();
      }
    };
  }
}
