package dev.neanelu.simulator.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic catalog generator: product {@code i} of seed {@code s} is always the same, on every
 * run and machine. Besides ordinary data it plants the hostile-but-valid content real merchants
 * produce: emoji (with ZWJ sequences), right-to-left text and override marks, control characters,
 * broken HTML, injection-looking strings, very long descriptions and products with 250 tags.
 */
public final class CatalogGenerator {

  /**
   * Anchor of generated timestamps; fixed so catalogs do not depend on the day they were generated.
   */
  private static final long EPOCH_2020 = 1_577_836_800L;

  private static final long PRODUCT_BASE = 8_000_000_000_000L;
  private static final long VARIANT_BASE = 45_000_000_000_000L;
  private static final long METAFIELD_BASE = 30_000_000_000_000L;
  private static final long MEDIA_BASE = 33_000_000_000_000L;

  private static final String[] NOUNS = {
    "Snowboard",
    "Jacket",
    "Mug",
    "Lamp",
    "Backpack",
    "Sneaker",
    "Scarf",
    "Teapot",
    "Kayak",
    "Notebook"
  };
  private static final String[] ADJECTIVES = {
    "Classic",
    "Ultralight",
    "Vintage",
    "Organic",
    "Midnight",
    "Coastal",
    "Alpine",
    "Urban",
    "Handmade",
    "Solar"
  };
  private static final String[] VENDORS = {
    "JadedPixel", "Hydrogen Goods", "Nordlys AS", "Café Ōsaka", "متجر الأمل", "O'Brien & Sons"
  };
  private static final String[] TYPES = {
    "Snowboard", "Apparel", "Home", "Outdoor", "Stationery", ""
  };
  private static final String[] SIZES = {"XS", "S", "M", "L", "XL"};
  private static final String[] COLORS = {"Red", "Blue", "Black", "Ivory", "Olive"};
  private static final String[] STATUSES = {"ACTIVE", "ACTIVE", "ACTIVE", "DRAFT", "ARCHIVED"};

  /** Strings that break naive pipelines yet are valid Shopify content. */
  private static final String[] HOSTILE_TITLES = {
    "🔥 Hot deal 👩‍👩‍👧‍👦 family pack 🏳️‍🌈",
    "\u200Fשלום עולם\u200F mixed RTL ‏title",
    "\u202Eevil override\u202C text",
    "Tab\there, bell\u0007, unit sep\u001F, CR\r\nLF",
    "Robert'); DROP TABLE products;-- \"quoted\" \\backslash\\",
    "Zalgo t̸̢̛e̵̡͝x̷̨̛t̴̢̛ and 𝕌𝕟𝕚𝕔𝕠𝕕𝕖 math",
  };

  private static final String[] BROKEN_HTML = {
    "<p>Unclosed <b>bold <i>italic <div>block",
    "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "&amp &nbsp; &#xZZ; <<>> </p></p></div>",
    "<table><tr><td>cell<td>cell</table><!-- unterminated comment",
  };

  private CatalogGenerator() {}

  /**
   * Fills the catalog with {@code count} products of the given seed (ids 1..count in generator
   * order).
   */
  public static void generate(Catalog catalog, int count, long seed) {
    for (int i = 1; i <= count; i++) {
      catalog.put(product(i, seed));
    }
  }

  /** Product number {@code index} (1-based) of the catalog with this seed. */
  public static Product product(int index, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + index);
    ProductDraft d = new ProductDraft();
    d.id = PRODUCT_BASE + index;
    d.createdAt = EPOCH_2020 + index * 600L;
    d.updatedAt = d.createdAt + rnd.nextLong(3 * 365 * 86_400L);
    d.title = title(index, rnd);
    d.handle = "product-" + index + "-" + NOUNS[index % NOUNS.length].toLowerCase();
    d.status = STATUSES[rnd.nextInt(STATUSES.length)];
    d.vendor = VENDORS[rnd.nextInt(VENDORS.length)];
    d.productType = TYPES[rnd.nextInt(TYPES.length)];
    d.tags = tags(index, rnd);
    d.descriptionHtml = description(index, rnd);
    d.optionNames = rnd.nextBoolean() ? List.of("Size") : List.of("Size", "Color");
    d.variants = variants(index, d, rnd);
    d.metafields = productMetafields(index, d, rnd);
    d.media = media(index, d, rnd);
    return d.build();
  }

  private static String title(int index, SplittableRandom rnd) {
    String plain =
        ADJECTIVES[rnd.nextInt(ADJECTIVES.length)]
            + " "
            + NOUNS[index % NOUNS.length]
            + " "
            + index;
    return index % 7 == 0
        ? HOSTILE_TITLES[(index / 7) % HOSTILE_TITLES.length] + " " + index
        : plain;
  }

  private static List<String> tags(int index, SplittableRandom rnd) {
    int count = index % 499 == 0 ? 250 : 1 + rnd.nextInt(5);
    List<String> tags = new ArrayList<>(count);
    for (int t = 0; t < count; t++) {
      tags.add(t == 1 && index % 3 == 0 ? "émoji-🎿-" + t : "tag-" + (rnd.nextInt(400) + t * 400));
    }
    return tags;
  }

  private static String description(int index, SplittableRandom rnd) {
    if (index % 997 == 0) {
      StringBuilder sb = new StringBuilder(200_000);
      while (sb.length() < 200_000) {
        sb.append("<p>Very long description paragraph ")
            .append(sb.length())
            .append(" — ünïcödé ✓</p>");
      }
      return sb.toString();
    }
    if (index % 11 == 0) {
      return BROKEN_HTML[(index / 11) % BROKEN_HTML.length];
    }
    return "<p>The "
        + NOUNS[index % NOUNS.length].toLowerCase()
        + " you need. Batch "
        + rnd.nextInt(1000)
        + ".</p><ul><li>Durable</li><li>Tested</li></ul>";
  }

  private static List<Variant> variants(int index, ProductDraft d, SplittableRandom rnd) {
    int count = 1 + rnd.nextInt(5);
    List<Variant> out = new ArrayList<>(count);
    for (int v = 0; v < count; v++) {
      List<String> options =
          d.optionNames.size() == 1
              ? List.of(SIZES[v])
              : List.of(SIZES[v], COLORS[(v + index) % COLORS.length]);
      long id = VARIANT_BASE + index * 8L + v;
      int cents = 500 + rnd.nextInt(50_000);
      String price = (cents / 100) + "." + String.format("%02d", cents % 100);
      List<Metafield> metafields =
          v == 0
              ? List.of(
                  new Metafield(
                      METAFIELD_BASE + index * 16L + 8,
                      "custom",
                      "fit",
                      "single_line_text_field",
                      index % 5 == 0 ? "Runs small ↔ größer wählen" : "True to size",
                      d.createdAt,
                      d.updatedAt))
              : List.of();
      out.add(
          new Variant(
              id,
              String.join(" / ", options),
              index % 13 == 0 && v == 1 ? null : "SKU-" + index + "-" + v,
              price,
              rnd.nextInt(4) == 0 ? String.valueOf(cents / 100 + 10) + ".00" : null,
              rnd.nextBoolean() ? String.valueOf(4_000_000_000_000L + id % 1_000_000_000L) : null,
              v + 1,
              rnd.nextInt(200) - 20,
              rnd.nextInt(10) != 0,
              rnd.nextInt(6) == 0 ? "CONTINUE" : "DENY",
              options,
              d.createdAt,
              d.updatedAt,
              metafields));
    }
    return out;
  }

  private static List<Metafield> productMetafields(
      int index, ProductDraft d, SplittableRandom rnd) {
    long base = METAFIELD_BASE + index * 16L;
    String specs =
        "{\"weight_kg\":"
            + (1 + rnd.nextInt(40)) / 4.0
            + ",\"origin\":\""
            + (index % 2 == 0 ? "PT" : "VN")
            + "\",\"note\":\"line1\\nline2 \\\"quoted\\\"\"}";
    return List.of(
        new Metafield(
            base,
            "custom",
            "material",
            "single_line_text_field",
            index % 17 == 0 ? "Coton bio \u200F100٪\u200F 🌱" : "Recycled polyester",
            d.createdAt,
            d.updatedAt),
        new Metafield(base + 1, "specs", "details", "json", specs, d.createdAt, d.updatedAt));
  }

  private static List<MediaImage> media(int index, ProductDraft d, SplittableRandom rnd) {
    int count = 1 + rnd.nextInt(2);
    List<MediaImage> out = new ArrayList<>(count);
    for (int m = 0; m < count; m++) {
      long id = MEDIA_BASE + index * 4L + m;
      out.add(
          new MediaImage(
              id,
              m == 0 ? d.title : null,
              "https://cdn.shopify.com/s/files/1/0000/0001/files/p"
                  + index
                  + "_"
                  + m
                  + ".jpg?v="
                  + d.updatedAt,
              800 + rnd.nextInt(1200),
              800 + rnd.nextInt(1200),
              d.createdAt));
    }
    return out;
  }
}
