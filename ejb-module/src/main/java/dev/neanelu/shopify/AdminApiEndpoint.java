package dev.neanelu.shopify;

import dev.neanelu.tenant.ShopDomain;
import java.net.URI;

/**
 * Where a shop's Admin GraphQL API lives: {@code SHOPIFY_BASE_URL_TEMPLATE} with {@code {shop}} replaced by the
 * shop's domain ({@code https://{shop}} for Shopify, the simulator's {@code http://127.0.0.1:8089/shops/{shop}} in
 * tests), plus the pinned {@code SHOPIFY_API_VERSION}.
 */
public record AdminApiEndpoint(String baseUrlTemplate, String apiVersion) {

  public AdminApiEndpoint {
    if (!baseUrlTemplate.contains("{shop}")) {
      throw new IllegalArgumentException("SHOPIFY_BASE_URL_TEMPLATE must contain {shop}: " + baseUrlTemplate);
    }
    if (!apiVersion.matches("\\d{4}-\\d{2}|unstable")) {
      throw new IllegalArgumentException("SHOPIFY_API_VERSION must look like 2026-04: " + apiVersion);
    }
  }

  /** The shop's base URI, to which the Rest Client appends {@code /admin/api/{version}/graphql.json}. */
  public URI base(ShopDomain shop) {
    return URI.create(baseUrlTemplate.replace("{shop}", shop.value()));
  }

  public URI graphql(ShopDomain shop) {
    return URI.create(base(shop) + "/admin/api/" + apiVersion + "/graphql.json");
  }
}
