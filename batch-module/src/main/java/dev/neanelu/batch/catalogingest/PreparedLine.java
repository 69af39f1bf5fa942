package dev.neanelu.batch.catalogingest;

/**
 * A line read and validated ahead of the chunk loop: either ready to write ({@code staged}), blank (both null), or
 * rejected with a reason that the processor turns into a skippable {@link MalformedLineException}.
 */
record PreparedLine(RawLine raw, StagedLine staged, String rejection) {

  static PreparedLine of(RawLine raw) {
    try {
      return new PreparedLine(raw, LineValidator.validate(raw), null);
    } catch (MalformedLineException e) {
      return new PreparedLine(raw, null, e.reason());
    }
  }

  /** Roughly what this line holds on the heap, for bounding the read-ahead. */
  int weight() {
    return raw.bytes().length + 128;
  }
}
