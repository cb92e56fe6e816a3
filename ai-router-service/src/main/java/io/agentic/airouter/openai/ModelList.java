package io.agentic.airouter.openai;

import java.util.List;

/** {@code GET /v1/models}, in OpenAI's shape. */
record ModelList(String object, List<ModelEntry> data) {

  static ModelList of(List<ModelEntry> models) {
    return new ModelList("list", models);
  }
}
