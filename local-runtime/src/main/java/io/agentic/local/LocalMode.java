package io.agentic.local;

/** Local mode: placeholder until the runtime lands. */
public final class LocalMode {
  private LocalMode() {}

  public static void main(String[] args) {
    throw new UnsupportedOperationException("local mode is being built");
  }
}
