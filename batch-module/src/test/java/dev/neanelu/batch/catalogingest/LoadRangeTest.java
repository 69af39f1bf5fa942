package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cutting a file into ranges: the ranges cover it without gap or overlap, none is smaller than the minimum, and a
 * file whose length is unknown, or too small to cut, is read whole.
 */
class LoadRangeTest {

  @Test
  void aLargeFileIsCutIntoAdjacentRanges() {
    List<LoadRange> ranges = LoadRange.split(3, 1_000, 2, 100);
    assertThat(ranges).containsExactly(new LoadRange(3, 0, 500), new LoadRange(3, 500, -1));
  }

  @Test
  void rangesCoverAFileOfOddLengthWithoutGaps() {
    List<LoadRange> ranges = LoadRange.split(0, 1_001, 3, 10);
    assertThat(ranges).extracting(LoadRange::start).containsExactly(0L, 333L, 667L);
    assertThat(ranges).extracting(LoadRange::end).containsExactly(333L, 667L, -1L);
  }

  @Test
  void noRangeIsSmallerThanTheMinimum() {
    assertThat(LoadRange.split(0, 250, 4, 100)).hasSize(2);
    assertThat(LoadRange.split(0, 150, 4, 100)).containsExactly(new LoadRange(0, 0, -1));
  }

  @Test
  void aFileOfUnknownLengthIsReadWhole() {
    assertThat(LoadRange.split(1, -1, 2, 100)).containsExactly(new LoadRange(1, 0, -1));
  }
}
