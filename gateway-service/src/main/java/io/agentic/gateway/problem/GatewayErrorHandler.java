package io.agentic.gateway.problem;

import io.agentic.gateway.edge.RequestIdFilter;
import io.agentic.gateway.problem.GatewayFailures.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway produces itself leaves as problem+json with a code, never as a stack
 * trace or a Netty/Spring message. Runs before Boot's default handler.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

  private final ProblemResponses problems;

  GatewayErrorHandler(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    if (exchange.getResponse().isCommitted()) {
      // Half an answer is out (a stream that broke): all that is left is to drop the connection.
      return Mono.error(failure);
    }
    Failure answer = GatewayFailures.classify(failure);
    String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
    if (answer.unexpected()) {
      log.error(
          "Unexpected failure on {} {} [{}]",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          requestId,
          failure);
    } else if (answer.problem().getStatus() >= 500) {
      log.warn(
          "{} on {} {} [{}]: {}",
          answer.problem().getStatus(),
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          requestId,
          failure.toString());
    }
    return problems.write(exchange, answer.problem(), answer.headers());
  }
}
