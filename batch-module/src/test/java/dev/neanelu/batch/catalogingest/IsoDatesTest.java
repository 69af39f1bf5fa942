package dev.neanelu.batch.catalogingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/**
 * Shopify's dates read without the JDK's formatter give the instant the formatter gives; everything else still goes
 * through it, and what it refuses is refused.
 */
class IsoDatesTest {

  @Test
  void utcSecondsGiveTheFormattersInstant() {
    for (String date : new String[] {"2024-05-01T12:34:56Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z",
        "1969-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"}) {
      assertThat(parse("  " + date + " ", 2, date.length())).as(date).isEqualTo(formatter(date));
    }
  }

  @Test
  void otherFormsGoThroughTheFormatter() {
    for (String date : new String[] {"2024-05-01T12:34:56.789Z", "2024-05-01T12:34:56+02:00",
        "2024-05-01t12:34:56z", "2024-05-01T12:34Z"}) {
      assertThat(parse(date, 0, date.length())).as(date).isEqualTo(formatter(date));
    }
  }

  @Test
  void impossibleDatesAndOtherTextAreRefused() {
    for (String date : new String[] {"2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-05-01T24:00:00Z",
        "2024-05-01T12:60:00Z", "2024-05-01T12:00:60Z", "2024-05-01 12:34:56Z", "2024-05-01T12:34:56",
        "2024-05-0xT12:34:56Z", "yesterday", ""}) {
      assertThatThrownBy(() -> parse(date, 0, date.length())).as(date).isInstanceOf(DateTimeException.class);
    }
  }

  private static Instant parse(String text, int offset, int length) {
    return IsoDates.parse(text.toCharArray(), offset, length);
  }

  private static Instant formatter(String date) {
    return OffsetDateTime.parse(date, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }
}
