package dev.neanelu.batch.catalogingest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a {@link MetafieldAudit} read, for the ops report: the metafield ids of every owner (sampled products and
 * their variants), how many pages that took, the namespaces seen, the namespaces other apps keep from us, and, once
 * {@link #comparedWith compared} with the database, the differences.
 *
 * @param metafieldIds owner gid to the numeric ids of its metafields, owners in the order they were read
 * @param pages metafield pages read, one request each
 * @param requests every request the audit made: metafield and variant pages and definition pages
 * @param namespaces every namespace among the metafields read
 * @param ownersGone owners that were null in Shopify (deleted since they were sampled); never compared
 * @param notReadable other apps' reserved namespaces whose values this app's token cannot read
 * @param mismatches per-owner differences with the database; empty until {@link #comparedWith}
 */
public record MetafieldAuditResult(
    Map<String, SortedSet<Long>> metafieldIds,
    int pages,
    int requests,
    SortedSet<String> namespaces,
    Set<String> ownersGone,
    List<UnreadableNamespace> notReadable,
    Optional<List<MetafieldMismatch>> mismatches) {

  /** What the report says about an unreadable namespace. */
  static final String NOT_READABLE = "owned by another app: values not readable with this app's token";

  public MetafieldAuditResult {
    Map<String, SortedSet<Long>> ids = new LinkedHashMap<>();
    metafieldIds.forEach((owner, set) -> ids.put(owner, Collections.unmodifiableSortedSet(new TreeSet<>(set))));
    metafieldIds = Collections.unmodifiableMap(ids);
    namespaces = Collections.unmodifiableSortedSet(new TreeSet<>(namespaces));
    ownersGone = Collections.unmodifiableSet(new LinkedHashSet<>(ownersGone));
    notReadable = List.copyOf(notReadable);
  }

  /**
   * A namespace another app reserved, with the number of its definitions across owner types.
   *
   * @param ownerTypes the {@code MetafieldOwnerType}s it has definitions for
   */
  public record UnreadableNamespace(String namespace, int definitions, SortedSet<String> ownerTypes) {

    public UnreadableNamespace {
      ownerTypes = Collections.unmodifiableSortedSet(new TreeSet<>(ownerTypes));
    }
  }

  /**
   * One owner's metafields that Shopify and the database disagree on.
   *
   * @param missingInDb read from Shopify, not stored
   * @param extraInDb stored, not in Shopify
   */
  public record MetafieldMismatch(String ownerGid, SortedSet<Long> missingInDb, SortedSet<Long> extraInDb) {}

  /** Metafields read, all owners together. */
  public long metafieldsRead() {
    return metafieldIds.values().stream().mapToLong(Set::size).sum();
  }

  /**
   * Compares with what the sync stored. Every owner read or stored is compared, except owners gone from Shopify, so
   * {@code stored} should hold the audited products and their variants: an owner stored but not read (a variant
   * deleted in Shopify) has all of its metafields extra.
   *
   * @param stored owner gid to the numeric ids of the metafields stored for it
   */
  public MetafieldAuditResult comparedWith(Map<String, Set<Long>> stored) {
    Set<String> owners = new LinkedHashSet<>(metafieldIds.keySet());
    owners.addAll(new TreeSet<>(stored.keySet()));
    owners.removeAll(ownersGone);
    List<MetafieldMismatch> found = new ArrayList<>();
    for (String owner : owners) {
      SortedSet<Long> read = metafieldIds.getOrDefault(owner, Collections.emptySortedSet());
      Set<Long> db = stored.getOrDefault(owner, Set.of());
      SortedSet<Long> missing = new TreeSet<>(read);
      missing.removeAll(db);
      SortedSet<Long> extra = new TreeSet<>(db);
      extra.removeAll(read);
      if (!missing.isEmpty() || !extra.isEmpty()) {
        found.add(new MetafieldMismatch(owner, missing, extra));
      }
    }
    return new MetafieldAuditResult(
        metafieldIds, pages, requests, namespaces, ownersGone, notReadable, Optional.of(List.copyOf(found)));
  }

  /** The ops report; {@code mismatches} appears only once compared. */
  public JsonObject toJson() {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("metafieldsRead", metafieldsRead())
            .add("pages", pages)
            .add("requests", requests)
            .add("owners", metafieldIds.size())
            .add("namespaces", strings(namespaces))
            .add("ownersGone", strings(ownersGone));
    JsonArrayBuilder unreadable = Json.createArrayBuilder();
    for (UnreadableNamespace n : notReadable) {
      unreadable.add(
          Json.createObjectBuilder()
              .add("namespace", n.namespace())
              .add("definitions", n.definitions())
              .add("ownerTypes", strings(n.ownerTypes()))
              .add("reason", NOT_READABLE));
    }
    json.add("notReadable", unreadable);
    mismatches.ifPresent(list -> json.add("mismatches", mismatchesJson(list)));
    return json.build();
  }

  private static JsonArrayBuilder mismatchesJson(List<MetafieldMismatch> list) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (MetafieldMismatch m : list) {
      out.add(
          Json.createObjectBuilder()
              .add("owner", m.ownerGid())
              .add("missingInDb", numbers(m.missingInDb()))
              .add("extraInDb", numbers(m.extraInDb())));
    }
    return out;
  }

  private static JsonArrayBuilder strings(Collection<String> values) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    values.forEach(out::add);
    return out;
  }

  private static JsonArrayBuilder numbers(Collection<Long> values) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    values.forEach(out::add);
    return out;
  }
}
