package dev.neanelu.simulator.catalog;

/** An image attached to a product (Shopify's {@code MediaImage}). */
public record MediaImage(long id, String alt, String url, int width, int height, long createdAt) {

  public String gid() {
    return Gid.of("MediaImage", id);
  }
}
