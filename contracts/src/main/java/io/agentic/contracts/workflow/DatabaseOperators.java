package io.agentic.contracts.workflow;

import java.util.Set;

/**
 * The MongoDB operators a DATABASE node may use: one list for workflow-service's save-time check
 * and execution-service's run-time check. Filters take the comparison, logical, element and array
 * query operators only — no server-side JavaScript ({@code $where}, {@code $function}), no
 * aggregation ({@code $expr}, stages) and no {@code $regex} (a backtracking expression on the
 * server is a denial-of-service risk); updates take the update operators only.
 */
public final class DatabaseOperators {

  /** Query operators a filter may use. */
  public static final Set<String> FILTER =
      Set.of(
          "$eq",
          "$ne",
          "$gt",
          "$gte",
          "$lt",
          "$lte",
          "$in",
          "$nin", // comparison
          "$and",
          "$or",
          "$nor",
          "$not", // logical
          "$exists",
          "$type", // element
          "$all",
          "$elemMatch",
          "$size"); // array

  /** Top-level operators an update may use. */
  public static final Set<String> UPDATE =
      Set.of(
          "$set",
          "$unset",
          "$inc",
          "$mul",
          "$min",
          "$max",
          "$rename",
          "$currentDate",
          "$push",
          "$pull",
          "$pullAll",
          "$addToSet",
          "$pop");

  private DatabaseOperators() {}
}
