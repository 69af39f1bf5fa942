package dev.neanelu.batch.catalogingest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Validates one raw line: strict UTF-8, one JSON object with a top-level {@code id} that is a Shopify gid, and an
 * optional {@code __parentId}. The line's JSON is kept as received; only these two fields are read (with a
 * streaming parser, which also proves the whole line is well-formed JSON). Blank lines are ignored.
 */
final class LineValidator {

  // One factory for every line: Json.createParser looks the provider up again on each call, which inside Liberty
  // is a class-loader service lookup per line (JFR: several per cent of the load step's CPU).
  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  private LineValidator() {}

  /** The line ready to be written, or null for a blank line. */
  static StagedLine validate(RawLine line) throws MalformedLineException {
    if (line.overlong()) {
      throw new MalformedLineException(line, "longer than the line limit");
    }
    String json = decode(line);
    if (json.isBlank()) {
      return null;
    }
    if (json.contains("\\u0000")) {
      throw new MalformedLineException(line, "contains a NUL character, which PostgreSQL cannot store");
    }
    String[] ids = ids(line, json);
    Gid gid = Gid.parseOrNull(ids[0]);
    if (gid == null) {
      throw new MalformedLineException(line, "id is not a Shopify gid");
    }
    Gid parent = ids[1] == null ? null : Gid.parseOrNull(ids[1]);
    if (ids[1] != null && parent == null) {
      throw new MalformedLineException(line, "__parentId is not a Shopify gid");
    }
    return new StagedLine(line.number(), gid, parent, ids[2], line.bytes(), null, 0);
  }

  private static String decode(RawLine line) throws MalformedLineException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line.bytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedLineException(line, "not valid UTF-8");
    }
  }

  /**
   * Top-level {@code id}, {@code __parentId} and {@code updatedAt} (to keep the newest of duplicated lines); the
   * parser reads to the end so the whole line is checked.
   */
  private static String[] ids(RawLine line, String json) throws MalformedLineException {
    String id = null;
    String parent = null;
    String updatedAt = null;
    try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw new MalformedLineException(line, "not a JSON object");
      }
      int depth = 1;
      String key = null;
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        switch (event) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          case KEY_NAME -> key = depth == 1 ? parser.getString() : null;
          case VALUE_STRING -> {
            if (depth == 1 && "id".equals(key)) {
              id = parser.getString();
            } else if (depth == 1 && "__parentId".equals(key)) {
              parent = parser.getString();
            } else if (depth == 1 && "updatedAt".equals(key)) {
              updatedAt = parser.getString();
            }
          }
          default -> { }
        }
      }
    } catch (JsonException e) {
      throw new MalformedLineException(line, "malformed JSON");
    }
    if (id == null) {
      throw new MalformedLineException(line, "no id");
    }
    return new String[] {id, parent, updatedAt};
  }
}
