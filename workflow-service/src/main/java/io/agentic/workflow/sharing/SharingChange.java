package io.agentic.workflow.sharing;

import io.agentic.workflow.store.Permissions;
import io.agentic.workflow.store.WorkflowDocument;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a share changed, as the audit record's details: counts only, never the user ids (the record
 * names the workflow; who holds which role is in the workflow itself).
 */
final class SharingChange {

  private SharingChange() {}

  static Map<String, String> describe(
      WorkflowDocument before, Permissions after, boolean isPublicAfter) {
    Map<String, String> roleBefore = roles(before.permissions());
    Map<String, String> roleAfter = roles(after);
    long added = roleAfter.keySet().stream().filter(u -> !roleBefore.containsKey(u)).count();
    long removed = roleBefore.keySet().stream().filter(u -> !roleAfter.containsKey(u)).count();
    long changed =
        roleAfter.entrySet().stream()
            .filter(e -> roleBefore.containsKey(e.getKey()))
            .filter(e -> !roleBefore.get(e.getKey()).equals(e.getValue()))
            .count();
    Map<String, String> details = new LinkedHashMap<>();
    details.put("owners", Integer.toString(after.owners().size()));
    details.put("editors", Integer.toString(after.editors().size()));
    details.put("viewers", Integer.toString(after.viewers().size()));
    details.put("usersAdded", Long.toString(added));
    details.put("usersRemoved", Long.toString(removed));
    details.put("rolesChanged", Long.toString(changed));
    details.put("isPublic", Boolean.toString(isPublicAfter));
    details.put("wasPublic", Boolean.toString(before.isPublic()));
    return details;
  }

  private static Map<String, String> roles(Permissions p) {
    Map<String, String> roles = new HashMap<>();
    put(roles, p.viewers(), "viewer");
    put(roles, p.editors(), "editor");
    put(roles, p.owners(), "owner");
    return roles;
  }

  private static void put(Map<String, String> roles, List<String> users, String role) {
    users.forEach(u -> roles.put(u, role));
  }
}
