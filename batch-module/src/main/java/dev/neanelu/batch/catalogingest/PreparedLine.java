package dev.neanelu.batch.catalogingest;

/**
 * A line read, validated and encoded ahead of the chunk loop: either ready to write ({@code staged}), blank (both null), or
 * rejected with a reason that the processor turns into a skippable {@link MalformedLineException}.
 */
record PreparedLine(RawLine raw, StagedLine staged, String rejection) {

  static PreparedLine of(RawLine raw) {
    try {
      StagedLine staged = LineValidator.validate(raw);
      return new PreparedLine(raw, staged == null ? null : staged.withCsv(), null);
    } catch (MalformedLineException e) {
      return new PreparedLine(raw, null, e.reason());
    }
  }

  /** Roughly what this line holds on the heap, for bounding the read-ahead. */
  int weight() {
    return 2 * raw.bytes().length + 128;
  }
}
