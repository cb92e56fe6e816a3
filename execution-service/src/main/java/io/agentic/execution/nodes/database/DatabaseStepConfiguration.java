package io.agentic.execution.nodes.database;

import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@link DatabaseStepProperties} and opens the user-data database for {@link DatabaseStep}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseStepProperties.class)
class DatabaseStepConfiguration {

  @Bean(destroyMethod = "close")
  UserDataDatabase userDataDatabase(
      DatabaseStepProperties properties,
      ObjectProvider<MongoClient> client,
      ObjectProvider<MongoProperties> mongo) {
    MongoProperties platform = mongo.getIfAvailable();
    return UserDataDatabase.open(
        properties,
        properties.uri().isEmpty() ? client.getIfAvailable() : null,
        platform == null ? null : platform.getMongoClientDatabase());
  }
}
