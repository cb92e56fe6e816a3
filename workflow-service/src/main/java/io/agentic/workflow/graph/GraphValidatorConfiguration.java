package io.agentic.workflow.graph;

import io.agentic.expression.Expressions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The validator every save goes through, with the CEL environment executions run with. */
@Configuration(proxyBeanMethods = false)
class GraphValidatorConfiguration {

  @Bean
  ExpressionChecker expressionChecker() {
    return new CelExpressionChecker(Expressions.standard());
  }

  @Bean
  GraphValidator graphValidator(ExpressionChecker expressions) {
    return new GraphValidator(expressions);
  }
}
