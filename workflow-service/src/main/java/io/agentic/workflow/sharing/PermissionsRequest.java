package io.agentic.workflow.sharing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code PUT /api/workflows/{id}/permissions}: the user ids to hold each role. An
 * absent list is kept, except that users named in a list that is sent leave the lists that are not;
 * {@code isPublic} is kept when absent.
 */
record PermissionsRequest(
    List<String> owners,
    List<String> editors,
    List<String> viewers,
    @JsonProperty("isPublic") Boolean isPublic) {}
