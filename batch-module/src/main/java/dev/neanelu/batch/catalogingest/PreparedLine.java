package dev.neanelu.batch.catalogingest;

/**
 * A line read, validated and encoded ahead of the chunk loop: either ready to write ({@code staged}), blank (both
 * null), or rejected with a reason that the processor turns into a skippable {@link MalformedLineException}.
 *
 * @param part the run's part (file) the line came from
 * @param rangeStart where the {@link LoadRange} the line came from starts in the file
 * @param number line number in its range (in its file for a range starting at 0)
 * @param endOffset byte offset just after the line, where a restart after it resumes
 * @param staged the line ready to write, or null
 * @param rejected the raw line, kept only when it was rejected (its bytes give the error record's excerpt)
 * @param rejection why it was rejected, or null
 * @param named what a rejected line still names ({@link ReadableIds}), or null for a line not rejected
 */
record PreparedLine(int part, long rangeStart, long number, long endOffset, StagedLine staged, RawLine rejected,
    String rejection, ReadableIds named) {

  /** Validates and encodes {@code raw} with the calling thread's validator and row builder. */
  static PreparedLine of(LoadRange range, RawLine raw, LineValidator validator, CopyRow rows) {
    int part = range.part();
    try {
      StagedLine staged = validator.validate(raw);
      return new PreparedLine(part, range.start(), raw.number(), raw.endOffset(),
          staged == null ? null : staged.withRow(part, range.start(), rows), null, null, null);
    } catch (MalformedLineException e) {
      return new PreparedLine(part, range.start(), raw.number(), raw.endOffset(), null, raw, e.reason(),
          ReadableIds.of(raw.bytes()));
    }
  }

  /** Roughly what this line holds on the heap, for bounding the read-ahead. */
  int weight() {
    return (staged != null ? staged.row().length : rejected.bytes().length) + 128;
  }
}
