package dev.neanelu.batch.catalogingest;

/**
 * A line read, validated and encoded ahead of the chunk loop: either ready to write ({@code staged}), blank (both null), or
 * rejected with a reason that the processor turns into a skippable {@link MalformedLineException}.
 */
record PreparedLine(int part, RawLine raw, StagedLine staged, String rejection) {

  static PreparedLine of(int part, RawLine raw) {
    try {
      StagedLine staged = LineValidator.validate(raw);
      return new PreparedLine(part, raw, staged == null ? null : staged.withCsv(part), null);
    } catch (MalformedLineException e) {
      return new PreparedLine(part, raw, null, e.reason());
    }
  }

  /** Roughly what this line holds on the heap, for bounding the read-ahead. */
  int weight() {
    return 2 * raw.bytes().length + 128;
  }
}
