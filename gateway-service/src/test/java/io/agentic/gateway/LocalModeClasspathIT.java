package io.agentic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * Local mode runs all six services from one classpath: MongoDB, Kafka and the servlet stack are on
 * this test classpath too, and the gateway's context must start none of them.
 */
class LocalModeClasspathIT extends GatewayIntegrationTest {

  @Autowired ApplicationContext context;

  @Test
  void hasTheOtherServicesLibrariesOnItsClasspath() throws ClassNotFoundException {
    Class.forName("com.mongodb.client.MongoClient");
    Class.forName("org.springframework.data.mongodb.core.MongoTemplate");
    Class.forName("org.springframework.kafka.core.KafkaTemplate");
    Class.forName("org.springframework.web.servlet.DispatcherServlet");
    Class.forName("org.apache.catalina.startup.Tomcat");
  }

  @Test
  void startsAReactiveNettyServerAndNoMongoKafkaOrServletPieces() throws ClassNotFoundException {
    assertThat(context).isInstanceOf(ReactiveWebServerApplicationContext.class);
    assertThat(((ReactiveWebServerApplicationContext) context).getWebServer())
        .isInstanceOf(NettyWebServer.class);
    for (String type :
        new String[] {
          "com.mongodb.client.MongoClient",
          "org.springframework.data.mongodb.core.MongoTemplate",
          "org.springframework.kafka.core.KafkaTemplate",
          "org.springframework.kafka.core.KafkaAdmin",
          "org.springframework.kafka.core.ProducerFactory",
          "org.springframework.kafka.listener.CommonErrorHandler",
          "org.springframework.web.servlet.DispatcherServlet",
          "jakarta.servlet.Filter"
        }) {
      assertThat(context.getBeanNamesForType(Class.forName(type))).as(type).isEmpty();
    }
  }
}
