package io.agentic.expression;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Compilations by expression text, least recently used evicted first. Compiling happens outside the
 * lock; two threads compiling the same new text at once both compile, and one result is kept.
 */
final class CompilationCache {

  private final Map<String, Compilation> entries;

  CompilationCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Compilation> eldest) {
            return size() > capacity;
          }
        };
  }

  Compilation get(String text, Function<String, Compilation> compile) {
    synchronized (entries) {
      Compilation cached = entries.get(text);
      if (cached != null) {
        return cached;
      }
    }
    Compilation compiled = compile.apply(text);
    synchronized (entries) {
      entries.putIfAbsent(text, compiled);
    }
    return compiled;
  }

  /** Whether {@code text} is cached, without marking it used. */
  boolean contains(String text) {
    synchronized (entries) {
      return entries.containsKey(text);
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
