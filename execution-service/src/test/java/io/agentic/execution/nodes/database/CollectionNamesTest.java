package io.agentic.execution.nodes.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CollectionNamesTest {

  @Test
  void placesTheCollectionInItsUsersSpace() {
    assertThat(CollectionNames.physical("65f0c0ffee0123456789abcd", "orders"))
        .isEqualTo("u_65f0c0ffee0123456789abcd__orders");
    assertThat(CollectionNames.physical("550e8400-e29b-41d4-a716-446655440000", "orders"))
        .isEqualTo("u_550e8400_2de29b_2d41d4_2da716_2d446655440000__orders");
  }

  @Test
  void differentUsersNeverShareAPrefix() {
    List<String> users =
        List.of("a", "A", "a-b", "a_2db", "a_b", "a__b", "a_", "a_5f", "ab", "a.b", "a b", "é");
    Set<String> prefixes = new HashSet<>();
    for (String user : users) {
      String prefix = CollectionNames.userPrefix(user);
      assertThat(prefix.substring(2, prefix.length() - 2)).doesNotContain("__").doesNotEndWith("_");
      prefixes.add(prefix);
    }
    assertThat(prefixes).hasSameSizeAs(users);
    // And no prefix is another's prefix plus a collection name: the user part ends at the first __.
    for (String a : prefixes) {
      for (String b : prefixes) {
        if (!a.equals(b)) {
          assertThat(b).doesNotStartWith(a);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        "system.users",
        "orders.x",
        "$cmd",
        "_orders",
        "__orders",
        "1orders",
        "",
        "a b",
        "a-b",
        "orders\u0000",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      })
  void refusesNamesOutsideThePattern(String name) {
    assertThatThrownBy(() -> CollectionNames.physical("user1", name))
        .isInstanceOfSatisfying(
            DatabaseFailure.class, f -> assertThat(f.error().code()).isEqualTo("DATABASE_INVALID"));
  }

  @Test
  void refusesAMissingCollectionOrUser() {
    assertThatThrownBy(() -> CollectionNames.physical("user1", null))
        .isInstanceOf(DatabaseFailure.class);
    assertThatThrownBy(() -> CollectionNames.physical("user1", 5))
        .isInstanceOf(DatabaseFailure.class);
    assertThatThrownBy(() -> CollectionNames.physical(null, "orders"))
        .isInstanceOf(DatabaseFailure.class);
    assertThatThrownBy(() -> CollectionNames.physical(" ", "orders"))
        .isInstanceOf(DatabaseFailure.class);
  }
}
