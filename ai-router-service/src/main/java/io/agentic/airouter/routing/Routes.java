package io.agentic.airouter.routing;

import io.agentic.airouter.AiRouterProperties;
import io.agentic.airouter.cost.PriceTable;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The routing table in force: the configured defaults, with the routes an admin set (persisted in
 * MongoDB, so every instance and every restart sees them) replacing those of the task types they
 * name. A change applies at once on the instance that made it and within {@link #REFRESH} on the
 * others: reading MongoDB on every call cost more than the rest of a completion.
 */
public final class Routes {

  /** How long an instance answers from the table it read last. */
  static final Duration REFRESH = Duration.ofSeconds(1);

  private record Read(RoutingTable table, Instant at) {}

  private final RoutingTable defaults;
  private final MongoTemplate mongo;
  private final RouteValidator validator;
  private final Clock clock;
  private volatile Read last;

  public Routes(
      AiRouterProperties properties, PriceTable prices, MongoTemplate mongo, Clock clock) {
    this.defaults = defaults(properties);
    this.mongo = mongo;
    this.validator = new RouteValidator(prices);
    this.clock = clock;
  }

  public RoutingTable current() {
    Instant now = clock.instant();
    Read read = last;
    if (read != null && now.isBefore(read.at().plus(REFRESH)) && !now.isBefore(read.at())) {
      return read.table();
    }
    StoredRoutes stored = mongo.findById(StoredRoutes.ID, StoredRoutes.class);
    RoutingTable table = stored == null ? defaults : defaults.with(typed(stored.routes()));
    last = new Read(table, now);
    return table;
  }

  public RoutingTable defaults() {
    return defaults;
  }

  /**
   * Replaces the admin-set routes with {@code routes}; task types it leaves out go back to their
   * defaults.
   *
   * @throws ApiException 400 {@code ROUTES_INVALID} listing every problem
   */
  public RoutingTable replace(Map<String, List<RouteTarget>> routes, String userId) {
    List<FieldProblem> problems = validator.problems(routes);
    if (!problems.isEmpty()) {
      throw ApiException.invalid("ROUTES_INVALID", "The routing table is invalid", problems);
    }
    mongo.save(new StoredRoutes(StoredRoutes.ID, Map.copyOf(routes), clock.instant(), userId));
    last = null;
    return current();
  }

  private static RoutingTable defaults(AiRouterProperties properties) {
    Map<String, List<RouteTarget>> configured = properties.routes();
    for (String name : configured.keySet()) {
      if (TaskType.fromWire(name).isEmpty()) {
        throw new IllegalArgumentException("agentic.ai.routes: unknown task type " + name);
      }
    }
    return new RoutingTable(typed(configured));
  }

  private static Map<TaskType, List<RouteTarget>> typed(Map<String, List<RouteTarget>> routes) {
    Map<TaskType, List<RouteTarget>> typed = new EnumMap<>(TaskType.class);
    routes.forEach(
        (name, targets) ->
            TaskType.fromWire(name).ifPresent(type -> typed.put(type, List.copyOf(targets))));
    return typed;
  }
}
