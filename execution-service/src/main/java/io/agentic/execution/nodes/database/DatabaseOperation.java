package io.agentic.execution.nodes.database;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What a DATABASE node does, with the data fields each operation takes and needs. */
enum DatabaseOperation {
  FIND("find", Set.of("filter", "limit"), null),
  INSERT_ONE("insertOne", Set.of("document"), "document"),
  UPDATE_MANY("updateMany", Set.of("filter", "update"), "update"),
  // Deleting needs a filter, so that {} has to be written to empty a collection.
  DELETE_MANY("deleteMany", Set.of("filter"), "filter"),
  COUNT("count", Set.of("filter"), null);

  /** The optional data fields; an operation takes a subset of them. */
  static final List<String> FIELDS = List.of("filter", "document", "update", "limit");

  private final String name;
  private final Set<String> takes;
  private final String needs;

  DatabaseOperation(String name, Set<String> takes, String needs) {
    this.name = name;
    this.takes = takes;
    this.needs = needs;
  }

  static DatabaseOperation of(Object name) {
    for (DatabaseOperation operation : values()) {
      if (operation.name.equals(name)) {
        return operation;
      }
    }
    throw DatabaseFailure.invalid(
        "operation must be one of "
            + Arrays.stream(values()).map(o -> o.name).collect(Collectors.joining(", ")));
  }

  boolean takes(String field) {
    return takes.contains(field);
  }

  /** The field the operation cannot do without, or null. */
  String needs() {
    return needs;
  }

  @Override
  public String toString() {
    return name;
  }
}
