package io.agentic.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogHistogramTest {

  @Test
  void answersEveryPercentileWithinTheRelativeBound() {
    // given values spread over five orders of magnitude
    Random random = new Random(42);
    long[] values = new long[5_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (long) Math.pow(10, random.nextDouble() * 5);
    }
    LogHistogram histogram = LogHistogram.of(values);
    long[] sorted = values.clone();
    Arrays.sort(sorted);

    // then every percentile is within 2 % (and half a millisecond of rounding) of the exact one
    for (double q = 0.01; q <= 1.0; q += 0.01) {
      long exact = sorted[(int) Math.max(0, Math.ceil(q * sorted.length) - 1)];
      assertThat((double) histogram.quantile(q))
          .as("p%.0f", q * 100)
          .isCloseTo(exact, within(exact * LogHistogram.RELATIVE_ACCURACY + 0.5));
    }
  }

  @Test
  void mergesWithoutLoss() {
    // given two halves of the same values
    LogHistogram left = LogHistogram.of(3, 50, 700, 0, 9_000);
    LogHistogram right = LogHistogram.of(12, 12, 400_000, 1);

    // when merged
    LogHistogram merged = left.merge(right);

    // then it is the sketch of all of them
    assertThat(merged).isEqualTo(LogHistogram.of(3, 50, 700, 0, 9_000, 12, 12, 400_000, 1));
    assertThat(merged.total()).isEqualTo(9);
  }

  @Test
  void countsZerosApartAndAnswersNullWhenEmpty() {
    assertThat(LogHistogram.empty().quantile(0.5)).isNull();
    assertThat(LogHistogram.of(0, 0, 0, 1_000).quantile(0.5)).isZero();
    assertThat(LogHistogram.of(0, 0, 0, 1_000).quantile(1.0)).isCloseTo(1_000L, within(20L));
  }

  @Test
  void survivesJson() {
    LogHistogram histogram = LogHistogram.of(5, 0, 123_456);
    var serde = JsonSerde.of(LogHistogram.class);

    LogHistogram read =
        serde.deserializer().deserialize("t", serde.serializer().serialize("t", histogram));

    assertThat(read).isEqualTo(histogram);
  }
}
