package io.agentic.airouter.api;

import io.agentic.airouter.AiRouterProperties;
import io.agentic.airouter.provider.ProviderClients;
import io.agentic.airouter.resilience.Deadline;
import io.agentic.airouter.router.CallContext;
import io.agentic.airouter.router.ProviderProbe;
import io.agentic.airouter.routing.RouteTarget;
import io.agentic.airouter.routing.Routes;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.CurrentUser;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/ai}: provider status, the routing table, and an admin's test of every provider. */
@RestController
@RequestMapping("/api/ai")
class AiController {

  /** A test answers within this, whatever the providers do. */
  static final Duration TEST_DEADLINE = Duration.ofSeconds(30);

  private final ProviderStatuses statuses;
  private final Routes routes;
  private final ProviderProbe probe;
  private final ProviderClients clients;
  private final Duration testDeadline;
  private final Clock clock;

  AiController(
      ProviderStatuses statuses,
      Routes routes,
      ProviderProbe probe,
      ProviderClients clients,
      AiRouterProperties properties,
      Clock clock) {
    this.statuses = statuses;
    this.routes = routes;
    this.probe = probe;
    this.clients = clients;
    Duration call = properties.http().callTimeout();
    this.testDeadline = call.compareTo(TEST_DEADLINE) < 0 ? call : TEST_DEADLINE;
    this.clock = clock;
  }

  @GetMapping("/providers")
  List<ProviderStatus> providers(CurrentUser user) {
    return statuses.all();
  }

  @GetMapping("/routes")
  Map<String, List<RouteTarget>> routes(CurrentUser user) {
    return routes.current().toWire();
  }

  @PutMapping("/routes")
  Map<String, List<RouteTarget>> replaceRoutes(
      CurrentUser user, @RequestBody Map<String, List<RouteTarget>> body) {
    requireAdmin(user);
    return routes.replace(body, user.id()).toWire();
  }

  /** Every configured provider, called once and at the same time. */
  @PostMapping("/test")
  List<ProviderProbe.Result> test(CurrentUser user) throws InterruptedException {
    requireAdmin(user);
    Deadline deadline = Deadline.after(testDeadline, clock);
    CallContext context = new CallContext(null, null, user.id());
    try (ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<ProviderProbe.Result>> running =
          clients.names().stream()
              .filter(clients::configured)
              .map(p -> probes.submit(() -> probe.probe(p, context, deadline)))
              .toList();
      List<ProviderProbe.Result> results = new ArrayList<>();
      for (Future<ProviderProbe.Result> probe : running) {
        try {
          results.add(probe.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
      return results;
    }
  }

  private static void requireAdmin(CurrentUser user) {
    if (!user.isAdmin()) {
      throw ApiException.forbidden("Only admins may do this");
    }
  }
}
