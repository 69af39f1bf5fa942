package dev.neanelu.simulator.graphql;

import dev.neanelu.simulator.catalog.MediaImage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code MediaImage}, the only media kind the simulator produces; {@code image} carries url and
 * size.
 */
public record MediaImageObject(MediaImage media) implements GqlObject {

  @Override
  public String typeName() {
    return "MediaImage";
  }

  @Override
  public Object get(String field, Map<String, Object> args) {
    MediaImage m = media;
    return switch (field) {
      case "id" -> m.gid();
      case "alt" -> m.alt();
      case "mediaContentType" -> "IMAGE";
      case "status" -> "READY";
      case "fileStatus" -> "READY";
      case "mimeType" -> "image/jpeg";
      case "createdAt", "updatedAt" -> Instant.ofEpochSecond(m.createdAt());
      case "mediaErrors", "mediaWarnings", "fileErrors" -> List.of();
      case "image", "preview" ->
          field.equals("image")
              ? image()
              : MapObject.of("MediaPreviewImage", "image", image(), "status", "READY");
      default -> null;
    };
  }

  private MapObject image() {
    return MapObject.of(
        "Image",
        "id",
        "gid://shopify/ImageSource/" + media.id(),
        "url",
        media.url(),
        "src",
        media.url(),
        "originalSrc",
        media.url(),
        "transformedSrc",
        media.url(),
        "altText",
        media.alt(),
        "width",
        media.width(),
        "height",
        media.height());
  }
}
