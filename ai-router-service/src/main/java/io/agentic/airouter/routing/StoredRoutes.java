package io.agentic.airouter.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The routes an admin set, one document; task types it does not name keep their default. */
@Document("routes")
record StoredRoutes(
    @Id String id, Map<String, List<RouteTarget>> routes, Instant updatedAt, String updatedBy) {

  static final String ID = "routes";
}
