package io.agentic.workflow.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.workflow.store.Permissions;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionsMergeTest {

  private final Permissions stored =
      new Permissions(List.of("alice"), List.of("bob", "carol"), List.of("dave"));

  @Test
  void keepsTheListsThatAreNotSent() {
    Permissions merged =
        SharingService.merge(stored, new PermissionsRequest(null, null, List.of("erin"), null));

    assertThat(merged)
        .isEqualTo(new Permissions(List.of("alice"), List.of("bob", "carol"), List.of("erin")));
  }

  @Test
  void movesAUserNamedInASentListOutOfTheListsNotSent() {
    Permissions merged =
        SharingService.merge(stored, new PermissionsRequest(null, null, List.of("bob"), null));

    assertThat(merged)
        .isEqualTo(new Permissions(List.of("alice"), List.of("carol"), List.of("bob")));
  }

  @Test
  void keepsEachUserOnceInTheStrongestRoleTheyAreGiven() {
    Permissions merged =
        SharingService.merge(
            stored,
            new PermissionsRequest(
                List.of("alice", "alice"), List.of("alice", "bob"), List.of("bob", "zoe"), null));

    assertThat(merged).isEqualTo(new Permissions(List.of("alice"), List.of("bob"), List.of("zoe")));
  }
}
