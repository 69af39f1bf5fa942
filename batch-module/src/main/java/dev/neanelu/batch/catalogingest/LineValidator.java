package dev.neanelu.batch.catalogingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Validates one raw line: strict UTF-8, one JSON object with a top-level {@code id} that is a Shopify gid, and an
 * optional {@code __parentId}. The line's JSON is kept as received; on its way through the line (with a streaming
 * parser, which also proves the whole line is well-formed JSON) it reads the two ids and the members the catalog
 * keeps in columns of their own ({@link Column}), and notes where a trailing {@code __parentId} member starts so
 * the stored JSON can leave it out. Blank lines are ignored.
 *
 * <p>Text holding NUL (the escape {@code \u0000}; PostgreSQL's text and jsonb cannot hold it) is stored with U+FFFD
 * instead: both escapes are six bytes, so the pass over the line's bytes that looks for non-ASCII bytes rewrites
 * them in place, and the line carries a {@link LineWarning} naming where they were.
 *
 * <p>One instance per reading thread: it keeps a decoder and its buffer for lines that are not plain ASCII, and the
 * offsets of the NUL escapes of the line at hand.
 */
final class LineValidator {

  // Jackson reads the UTF-8 bytes as they are; a character-based parser needed every line decoded to a String
  // first, which with the parse was most of the load step's CPU (JFR).
  private static final JsonFactory JSON = new JsonFactory();
  private static final int KEPT_BUFFER_CHARS = 1 << 20;
  private static final byte[] NUL_ESCAPE = "\\u0000".getBytes(StandardCharsets.US_ASCII);
  private static final int NON_ASCII = 1;
  private static final int NUL = 2;
  private static final byte[] REPLACEMENT_DIGITS = "fffd".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_WARNED_FIELDS = 20;

  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private CharBuffer decoded = CharBuffer.allocate(1 << 14);
  /** Byte offsets of the NUL escapes of the line at hand (the first {@link #nuls}), in ascending order. */
  private int[] nulAt = new int[MAX_WARNED_FIELDS];
  private int nuls;

  /** The line ready to be written, or null for a blank line. */
  StagedLine validate(RawLine line) throws MalformedLineException {
    if (line.overlong()) {
      throw new MalformedLineException(line, "longer than the line limit");
    }
    byte[] json = line.bytes();
    if (blank(json)) {
      return null;
    }
    int found = scan(json);
    if ((found & NON_ASCII) != 0 && !utf8(json)) {
      throw new MalformedLineException(line, "not valid UTF-8");
    }
    Members members = members(line, json);
    Gid gid = Gid.parseOrNull(members.id);
    if (gid == null) {
      throw new MalformedLineException(line, "id is not a Shopify gid");
    }
    Gid parent = members.parentId == null ? null : Gid.parseOrNull(members.parentId);
    if (members.parentId != null && parent == null) {
      throw new MalformedLineException(line, "__parentId is not a Shopify gid");
    }
    LineWarning warning = (found & NUL) == 0 ? null : new LineWarning(nulFields(json), 0, 0);
    return new StagedLine(line.number(), gid, parent, LineKind.of(gid, parent), members.columns, json,
        members.cutAt, members.parentInside, null, 0, warning);
  }

  /** What one pass over the line's top level found. */
  private static final class Members {
    String id;
    String parentId;
    final Object[] columns = new Object[Column.values().length];
    /** Where the trailing {@code ,"__parentId":…} starts (its comma), or -1 when the line is kept whole. */
    int cutAt = -1;
    /** The line has a {@code __parentId} member that stays in the JSON (not last): SQL removes it. */
    boolean parentInside;
  }

  private static Members members(RawLine line, byte[] json) throws MalformedLineException {
    Members members = new Members();
    long parentAt = -1;
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedLineException(line, "not a JSON object");
      }
      boolean parentLast = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        long nameAt = parser.currentTokenLocation().getByteOffset();
        JsonToken value = parser.nextToken();
        parentLast = name.equals("__parentId");
        if (parentLast) {
          parentAt = nameAt;
        }
        if (value.isStructStart()) {
          parser.skipChildren();
        } else {
          member(line, parser, name, value, members);
        }
      }
      if (parser.nextToken() != null) {
        throw new MalformedLineException(line, "malformed JSON: more than one value on the line");
      }
      if (parentAt >= 0) {
        members.cutAt = parentLast ? commaBefore(json, (int) parentAt) : -1;
        members.parentInside = members.cutAt < 0;
      }
    } catch (IOException e) {
      throw new MalformedLineException(line, "malformed JSON");
    }
    if (members.id == null) {
      throw new MalformedLineException(line, "no id");
    }
    return members;
  }

  private static void member(RawLine line, JsonParser parser, String name, JsonToken value, Members members)
      throws IOException, MalformedLineException {
    switch (name) {
      case "id" -> members.id = value == JsonToken.VALUE_STRING ? parser.getText() : null;
      case "__parentId" -> members.parentId = value == JsonToken.VALUE_STRING ? parser.getText() : null;
      default -> {
        Column column = Column.ofMember(name);
        if (column != null) {
          members.columns[column.ordinal()] = scalar(line, parser, value, column);
        }
      }
    }
  }

  /**
   * A member's value for its column: the text PostgreSQL's {@code ->>} would give, an Integer position, an Instant
   * date; null for JSON null and for a position that is not an integer. A date that is not an ISO-8601 date-time
   * with an offset rejects the line: the database could not store the row.
   */
  private static Object scalar(RawLine line, JsonParser parser, JsonToken value, Column column)
      throws IOException, MalformedLineException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    return switch (column) {
      case POSITION -> value == JsonToken.VALUE_NUMBER_INT
          && parser.getNumberType() == JsonParser.NumberType.INT ? parser.getIntValue() : null;
      case UPDATED_AT, CREATED_AT -> instant(line, parser, column);
      default -> parser.getText();
    };
  }

  private static Instant instant(RawLine line, JsonParser parser, Column column)
      throws IOException, MalformedLineException {
    char[] text = parser.getTextCharacters();
    try {
      if (text != null) {
        return IsoDates.parse(text, parser.getTextOffset(), parser.getTextLength());
      }
    } catch (DateTimeException e) {
      // rejected below, as a value that is not text is
    }
    throw new MalformedLineException(line, column.member() + " is not an ISO-8601 date-time");
  }

  /** The comma that ends the member before the one starting at {@code at}, or -1 when that one is the first. */
  private static int commaBefore(byte[] json, int at) {
    int i = at - 1;
    while (i > 0 && whitespace(json[i])) {
      i--;
    }
    return i > 0 && json[i] == ',' ? i : -1;
  }

  private static boolean blank(byte[] bytes) {
    for (byte b : bytes) {
      if (!whitespace(b)) {
        return false;
      }
    }
    return true;
  }

  private static boolean whitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == 0x0B;
  }

  /**
   * One pass over the line's bytes: whether any is not ASCII (only then is the line decoded to check its UTF-8), and
   * whether it holds the escape {@code \u0000} (an escaped backslash before {@code u0000} is not one), which it
   * rewrites to {@code \ufffd} in place, noting where.
   */
  private int scan(byte[] bytes) {
    int found = 0;
    nuls = 0;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b < 0) {
        found |= NON_ASCII;
      } else if (b == '\\') {
        if (i + 1 < bytes.length && bytes[i + 1] == '\\') {
          i++;
        } else if (Arrays.equals(bytes, i, Math.min(i + NUL_ESCAPE.length, bytes.length), NUL_ESCAPE, 0,
            NUL_ESCAPE.length)) {
          found |= NUL;
          noteNul(i);
          System.arraycopy(REPLACEMENT_DIGITS, 0, bytes, i + 2, REPLACEMENT_DIGITS.length);
          i += NUL_ESCAPE.length - 1;
        }
      }
    }
    return found;
  }

  private void noteNul(int at) {
    if (nuls == nulAt.length) {
      nulAt = Arrays.copyOf(nulAt, nuls * 2);
    }
    nulAt[nuls++] = at;
  }

  /**
   * The JSON pointers of the strings (values or member names) that held the line's NUL escapes, at most {@value
   * #MAX_WARNED_FIELDS}: a second parse, only of lines that held one.
   */
  private List<String> nulFields(byte[] json) {
    List<String> fields = new ArrayList<>();
    int next = 0;
    try (JsonParser parser = JSON.createParser(json)) {
      for (JsonToken t = parser.nextToken(); t != null && next < nuls; t = parser.nextToken()) {
        if (t != JsonToken.FIELD_NAME && t != JsonToken.VALUE_STRING) {
          continue;
        }
        long start = parser.currentTokenLocation().getByteOffset();
        parser.getText(); // reads the whole string: the location below is its end
        long end = parser.currentLocation().getByteOffset();
        boolean held = false;
        while (next < nuls && nulAt[next] < end) {
          held |= nulAt[next++] >= start;
        }
        if (held && fields.size() < MAX_WARNED_FIELDS) {
          fields.add(parser.getParsingContext().pathAsPointer().toString());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("A line that parsed once failed to parse again", e);
    }
    return fields;
  }

  /** Strict UTF-8 (no malformed, overlong or surrogate sequences), decoded into a buffer kept between lines. */
  private boolean utf8(byte[] bytes) {
    CharBuffer out = decoded.capacity() >= bytes.length ? decoded : CharBuffer.allocate(bytes.length);
    if (out != decoded && bytes.length <= KEPT_BUFFER_CHARS) {
      decoded = out;
    }
    out.clear();
    utf8.reset();
    return !utf8.decode(ByteBuffer.wrap(bytes), out, true).isError() && !utf8.flush(out).isError();
  }
}
