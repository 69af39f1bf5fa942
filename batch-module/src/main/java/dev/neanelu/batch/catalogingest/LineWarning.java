package dev.neanelu.batch.catalogingest;

import java.util.List;

/**
 * Why a line was stored altered: its text held NUL (the JSON escape {@code \u0000}), which PostgreSQL's text and
 * jsonb cannot hold, so it was stored with U+FFFD in its place. Recorded in {@code ingest_warnings} with the line.
 *
 * @param fields JSON pointers of the strings (values or member names) that held NUL, e.g. {@code /title}
 * @param part the run's part (file) the line came from; set with the COPY row
 * @param rangeStart where the line's {@link LoadRange} starts; set with the COPY row
 */
record LineWarning(List<String> fields, int part, long rangeStart) {

  static final String NUL_REPLACED = "text held NUL (\\u0000), stored as U+FFFD";

  LineWarning in(int part, long rangeStart) {
    return new LineWarning(fields, part, rangeStart);
  }
}
