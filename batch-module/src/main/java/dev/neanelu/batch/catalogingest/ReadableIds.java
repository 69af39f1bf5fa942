package dev.neanelu.batch.catalogingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * What a rejected line still names: its top-level {@code id} and {@code __parentId}, read with a streaming parser
 * up to where the line breaks (a cut-off line, invalid UTF-8 or malformed JSON further on). An object named by a
 * rejected line is kept by the reconcile: the run could not read what Shopify has for it.
 *
 * @param gid the line's object, or null when its id could not be read
 * @param parent its {@code __parentId}, or null
 */
record ReadableIds(Gid gid, Gid parent) {

  static final ReadableIds NONE = new ReadableIds(null, null);
  private static final JsonFactory JSON = new JsonFactory();
  private static final Gid SOME_PRODUCT = new Gid("Product", 0);

  /** Reads the ids a line holds before it breaks; only for rejected lines (it parses the line again). */
  static ReadableIds of(byte[] line) {
    String id = null;
    String parent = null;
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return NONE;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME && (id == null || parent == null)) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value.isStructStart()) {
          parser.skipChildren();
        } else if (value == JsonToken.VALUE_STRING && name.equals("id")) {
          id = parser.getText();
        } else if (value == JsonToken.VALUE_STRING && name.equals("__parentId")) {
          parent = parser.getText();
        }
      }
    } catch (IOException | RuntimeException e) {
      // the line broke here: what was read before stands
    }
    return new ReadableIds(Gid.parseOrNull(id), Gid.parseOrNull(parent));
  }

  /**
   * The kind the object is stored as; null without a gid. A parent that could not be read is taken for a product,
   * the parent of every kind the catalog stores but variant metafields, which are metafields all the same.
   */
  LineKind kind() {
    return gid == null ? null : LineKind.of(gid, parent == null ? SOME_PRODUCT : parent);
  }
}
