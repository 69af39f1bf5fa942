package dev.neanelu.simulator.upload;

import dev.neanelu.simulator.shop.Shop;
import dev.neanelu.simulator.support.Hmacs;
import dev.neanelu.simulator.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Staged uploads the way Shopify hands them out for bulk mutations: {@code stagedUploadsCreate}
 * returns a target on the simulator's storage endpoint with the documented parameters (key,
 * Content-Type, success_action_status, acl, a base64 policy whose {@code content-length-range}
 * carries the size cap, and signature fields). The storage endpoint accepts a multipart POST with
 * every parameter first and {@code file} last, and answers 201 like the real bucket.
 */
public final class StagedUploads {

  /** The bucket name used in keys and responses. */
  public static final String BUCKET = "shopify-staged-uploads";

  private static final DateTimeFormatter GOOG_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path dir;
  private final long maxBytes;
  private final Clock clock;
  private final String signingKey;
  private final Map<String, Path> files = new ConcurrentHashMap<>();
  private final Map<String, Shop> owners = new ConcurrentHashMap<>();

  public StagedUploads(Path dir, long maxBytes, Clock clock) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.clock = clock;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.signingKey = HexFormat.of().formatHex(key);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The answer of the storage endpoint: status and GCS-style XML body. */
  public record Reply(int status, String xml) {}

  /** One staged target: {@code url}, {@code resourceUrl} and the ordered {@code parameters}. */
  public Map<String, Object> createTarget(Shop shop, Map<?, ?> input, String baseUrl) {
    String resource = String.valueOf(input.get("resource"));
    String filename = String.valueOf(input.get("filename"));
    String mime = String.valueOf(input.get("mimeType"));
    String folder = "BULK_MUTATION_VARIABLES".equals(resource) ? "bulk" : "files";
    String key = "tmp/" + shop.id() + "/" + folder + "/" + UUID.randomUUID() + "/" + filename;
    Instant now = clock.instant();
    String date = GOOG_DATE.format(now);
    String credential =
        "simulator-staged-uploads@shopify-simulator.iam.gserviceaccount.com/"
            + date.substring(0, 8)
            + "/auto/storage/goog4_request";
    String policy = policy(key, mime, now, date, credential);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("key", key);
    params.put("Content-Type", mime);
    params.put("success_action_status", "201");
    params.put("acl", "private");
    params.put("policy", policy);
    params.put("x-goog-credential", credential);
    params.put("x-goog-algorithm", "GOOG4-RSA-SHA256");
    params.put("x-goog-date", date);
    params.put("x-goog-signature", Hmacs.hex(signingKey, policy));
    owners.put(key, shop);
    String url = baseUrl + "/storage/" + BUCKET;
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("url", url);
    target.put("resourceUrl", "BULK_MUTATION_VARIABLES".equals(resource) ? null : url + "/" + key);
    target.put("parameters", params);
    return target;
  }

  private String policy(String key, String mime, Instant now, String date, String credential) {
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put(
        "conditions",
        List.of(
            Map.of("Content-Type", mime),
            Map.of("success_action_status", "201"),
            Map.of("acl", "private"),
            List.of("content-length-range", 1, maxBytes),
            Map.of("bucket", BUCKET),
            Map.of("key", key),
            Map.of("x-goog-date", date),
            Map.of("x-goog-credential", credential),
            Map.of("x-goog-algorithm", "GOOG4-RSA-SHA256")));
    policy.put("expiration", now.plusSeconds(3600).toString());
    return Base64.getEncoder().encodeToString(Json.bytes(policy));
  }

  /** Handles the multipart POST of an upload. */
  public Reply accept(InputStream body, String contentType) throws IOException {
    MultipartReader reader;
    try {
      reader = new MultipartReader(body, MultipartReader.boundary(contentType));
    } catch (MultipartReader.MalformedException e) {
      return error(400, "InvalidArgument", "Invalid multipart body: " + e.getMessage());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Path temp = Files.createTempFile(dir, "upload", ".part");
    boolean fileSeen = false;
    try {
      while (reader.next()) {
        if (fileSeen) {
          return error(
              400,
              "InvalidArgument",
              "The file field must be the last field of the form; found '"
                  + reader.name()
                  + "' after it.");
        }
        if ("file".equals(reader.name())) {
          fileSeen = true;
          try (OutputStream out = Files.newOutputStream(temp)) {
            reader.copyTo(out, maxBytes);
          }
        } else {
          fields.put(reader.name(), reader.text());
        }
      }
      return store(fields, temp, fileSeen);
    } catch (MultipartReader.TooLargeException e) {
      return error(
          400,
          "EntityTooLarge",
          "Your proposed upload is larger than the maximum object size specified"
              + " in your Policy Document.");
    } catch (MultipartReader.MalformedException e) {
      return error(400, "InvalidArgument", "Invalid multipart body: " + e.getMessage());
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private Reply store(Map<String, String> fields, Path temp, boolean fileSeen) throws IOException {
    if (!fileSeen) {
      return error(400, "InvalidArgument", "No file field in the form.");
    }
    String key = fields.get("key");
    String policy = fields.get("policy");
    if (key == null
        || policy == null
        || !Hmacs.hex(signingKey, policy).equals(fields.get("x-goog-signature"))) {
      return error(403, "AccessDenied", "Invalid signature or missing policy fields.");
    }
    Map<String, Object> decoded = Json.readMap(Base64.getDecoder().decode(policy));
    if (!decoded.toString().contains("key=" + key)) {
      return error(403, "AccessDenied", "The key does not match the policy.");
    }
    if (Files.size(temp) < 1) {
      return error(
          400, "EntityTooSmall", "Your proposed upload is smaller than the minimum object size.");
    }
    Path target = dir.resolve(UUID.randomUUID() + ".jsonl");
    Files.move(temp, target);
    files.put(key, target);
    Shop owner = owners.get(key);
    if (owner != null) {
      owner.stats().uploads.incrementAndGet();
    }
    String location = "/" + BUCKET + "/" + key;
    return new Reply(
        201,
        "<?xml version='1.0' encoding='UTF-8'?><PostResponse><Location>"
            + xml(location)
            + "</Location><Bucket>"
            + BUCKET
            + "</Bucket><Key>"
            + xml(key)
            + "</Key><ETag>\""
            + UUID.randomUUID().toString().replace("-", "")
            + "\"</ETag></PostResponse>");
  }

  /** The uploaded file of a {@code stagedUploadPath} (the {@code key} parameter). */
  public Optional<Path> file(String key) {
    return Optional.ofNullable(key == null ? null : files.get(key));
  }

  private static Reply error(int status, String code, String message) {
    return new Reply(
        status,
        "<?xml version='1.0' encoding='UTF-8'?><Error><Code>"
            + code
            + "</Code><Message>"
            + xml(message)
            + "</Message></Error>");
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
