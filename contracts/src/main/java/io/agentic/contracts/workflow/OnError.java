package io.agentic.contracts.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a node's failure does to the run. */
public enum OnError {
  /** Stop the run and cancel running branches (the default). */
  @JsonProperty("fail")
  FAIL,
  /** Record the failure and go on as if the node had completed with no output. */
  @JsonProperty("continue")
  CONTINUE,
  /** Follow the node's {@code error} out-edges, with the error as input. */
  @JsonProperty("branch")
  BRANCH
}
