package dev.neanelu.tenant;

import dev.neanelu.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A shop's permanent {@code *.myshopify.com} domain, the name Shopify uses for a tenant in every API call, webhook
 * and session token. Only letters, digits and hyphens before the suffix, not starting with a hyphen: anything else
 * (a custom domain, {@code a.myshopify.com.evil.com}) is not a shop we can talk to.
 */
public record ShopDomain(String value) {

  private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");

  public ShopDomain {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new InvalidValueException("Not a valid shop domain (expected <name>.myshopify.com): " + value);
    }
  }

  /** Accepts the shop as typed (any case, surrounding blanks) and normalises it. */
  public static ShopDomain parse(String raw) {
    return new ShopDomain(raw == null ? null : raw.strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return value;
  }
}
