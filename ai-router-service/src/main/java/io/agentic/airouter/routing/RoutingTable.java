package io.agentic.airouter.routing;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Task type to its ordered targets; the first is the primary, the rest are fallbacks. */
public record RoutingTable(Map<TaskType, List<RouteTarget>> routes) {

  public RoutingTable {
    EnumMap<TaskType, List<RouteTarget>> copy = new EnumMap<>(TaskType.class);
    routes.forEach((type, targets) -> copy.put(type, List.copyOf(targets)));
    routes = copy;
  }

  public List<RouteTarget> route(TaskType type) {
    return routes.getOrDefault(type, List.of());
  }

  /** This table with {@code overrides} replacing the routes of the task types they name. */
  public RoutingTable with(Map<TaskType, List<RouteTarget>> overrides) {
    EnumMap<TaskType, List<RouteTarget>> merged = new EnumMap<>(TaskType.class);
    merged.putAll(routes);
    merged.putAll(overrides);
    return new RoutingTable(merged);
  }

  /** As the API shows it: {@code {taskType: [{provider, model}]}} in task-type order. */
  public Map<String, List<RouteTarget>> toWire() {
    Map<String, List<RouteTarget>> wire = new LinkedHashMap<>();
    routes.forEach((type, targets) -> wire.put(type.wireName(), targets));
    return wire;
  }
}
