package io.agentic.workflow.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who holds which role on a workflow (user ids). Each user appears once, in the strongest list they
 * were given: owners, then editors, then viewers.
 */
public record Permissions(List<String> owners, List<String> editors, List<String> viewers) {

  public Permissions {
    owners = owners == null ? List.of() : List.copyOf(owners);
    editors = editors == null ? List.of() : List.copyOf(editors);
    viewers = viewers == null ? List.of() : List.copyOf(viewers);
  }

  public static Permissions ownedBy(String userId) {
    return new Permissions(List.of(userId), List.of(), List.of());
  }

  /** The same roles with duplicates removed, each user kept in their strongest list. */
  public Permissions normalized() {
    Set<String> seen = new LinkedHashSet<>();
    return new Permissions(keepNew(owners, seen), keepNew(editors, seen), keepNew(viewers, seen));
  }

  private static List<String> keepNew(List<String> ids, Set<String> seen) {
    List<String> kept = new ArrayList<>();
    for (String id : ids) {
      if (seen.add(id)) {
        kept.add(id);
      }
    }
    return List.copyOf(kept);
  }
}
