package io.agentic.analytics.topology;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A mergeable sketch of non-negative values (milliseconds) from which percentiles are read.
 *
 * <p>Bucket {@code i} holds the values in {@code (γ^(i-1), γ^i]} with {@code γ = (1+α)/(1-α)} and
 * {@code α = }{@value #RELATIVE_ACCURACY}; zero has its own count. The boundaries are fixed, not
 * learned from the data, so two sketches merge by adding counts (minutes into an hour, instances
 * into a total) with no loss. A percentile is answered with the representative {@code 2γ^i/(γ+1)}
 * of the bucket holding the nearest-rank sample, which lies within {@code ±α} (2 %) of every value
 * in that bucket: the answer is within 2 % of the exact nearest-rank percentile (plus half a
 * millisecond, as answers are whole milliseconds). Values from 1 ms to 24 h need about 460 buckets;
 * only the buckets that hold values are stored.
 *
 * @param zeros how many values were 0 (or negative, clamped to 0)
 * @param buckets bucket index → how many values fell in it
 */
public record LogHistogram(long zeros, SortedMap<Integer, Long> buckets) {

  public static final double RELATIVE_ACCURACY = 0.02;

  static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
  private static final double LOG_GAMMA = Math.log(GAMMA);
  private static final LogHistogram EMPTY = new LogHistogram(0, new TreeMap<>());

  public LogHistogram {
    buckets =
        Collections.unmodifiableSortedMap(new TreeMap<>(buckets == null ? Map.of() : buckets));
  }

  public static LogHistogram empty() {
    return EMPTY;
  }

  public static LogHistogram of(long... values) {
    LogHistogram histogram = EMPTY;
    for (long value : values) {
      histogram = histogram.add(value);
    }
    return histogram;
  }

  public LogHistogram add(long value) {
    if (value <= 0) {
      return new LogHistogram(zeros + 1, buckets);
    }
    TreeMap<Integer, Long> counts = new TreeMap<>(buckets);
    counts.merge(indexOf(value), 1L, Long::sum);
    return new LogHistogram(zeros, counts);
  }

  public LogHistogram merge(LogHistogram other) {
    if (other == null || other.total() == 0) {
      return this;
    }
    TreeMap<Integer, Long> counts = new TreeMap<>(buckets);
    other.buckets.forEach((index, count) -> counts.merge(index, count, Long::sum));
    return new LogHistogram(zeros + other.zeros, counts);
  }

  /** How many values were added. */
  public long total() {
    long total = zeros;
    for (long count : buckets.values()) {
      total += count;
    }
    return total;
  }

  /**
   * The {@code q}-quantile (nearest rank: the smallest value with at least {@code q·n} values at or
   * below it), within {@value #RELATIVE_ACCURACY} relative error; null when empty.
   */
  public Long quantile(double q) {
    long total = total();
    if (total == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = zeros;
    if (seen >= rank) {
      return 0L;
    }
    for (Map.Entry<Integer, Long> bucket : buckets.entrySet()) {
      seen += bucket.getValue();
      if (seen >= rank) {
        return Math.round(representative(bucket.getKey()));
      }
    }
    return Math.round(representative(buckets.lastKey()));
  }

  static int indexOf(long value) {
    return (int) Math.ceil(Math.log(value) / LOG_GAMMA);
  }

  static double representative(int index) {
    return 2 * Math.pow(GAMMA, index) / (GAMMA + 1);
  }
}
