package io.agentic.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.ApiScopes;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyScopesTest {

  @Test
  void grantsEverythingTheRoleAllowsByDefault() {
    assertThat(KeyScopes.forNewKey(null, "user"))
        .containsExactly("workflows:read", "workflows:write", "executions:run", "ai:use");
    assertThat(KeyScopes.forNewKey(null, "admin")).hasSize(4);
    assertThat(KeyScopes.forNewKey(null, "viewer")).containsExactly("workflows:read");
  }

  @Test
  void offersExactlyThePlatformsScopes() {
    assertThat(KeyScopes.ALL).containsExactlyInAnyOrderElementsOf(ApiScopes.ALL);
  }

  @Test
  void keepsRequestedScopesInCanonicalOrderWithoutDuplicates() {
    assertThat(KeyScopes.forNewKey(List.of("ai:use", "workflows:read", "ai:use"), "user"))
        .containsExactly("workflows:read", "ai:use");
  }

  @Test
  void refusesEmptyUnknownAndNullScopes() {
    for (List<String> bad :
        List.of(
            List.<String>of(),
            List.of("admin"),
            List.of("ai:use", "*"),
            Arrays.asList("ai:use", null))) {
      assertThatThrownBy(() -> KeyScopes.forNewKey(bad, "user"))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
    }
  }

  @Test
  void refusesMoreThanReadingToViewers() {
    assertThatThrownBy(() -> KeyScopes.forNewKey(List.of("workflows:write"), "viewer"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.status().value()).isEqualTo(403));
  }

  @Test
  void neverGrantsMoreThanTheOwnersCurrentRole() {
    List<String> all = KeyScopes.ALL;

    assertThat(KeyScopes.usableBy("user", all)).isEqualTo(all);
    assertThat(KeyScopes.usableBy("viewer", all)).containsExactly("workflows:read");
    assertThat(KeyScopes.usableBy("viewer", List.of("ai:use"))).isEmpty();
    assertThat(KeyScopes.usableBy("user", List.of("retired:scope", "ai:use")))
        .containsExactly("ai:use");
  }
}
