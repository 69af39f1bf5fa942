package dev.neanelu.web.ops;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/ops/shops}: a shop and its static Admin API access token (custom apps).
 *
 * @param shop the {@code *.myshopify.com} domain
 * @param accessToken the Admin API access token; stored sealed, never returned or logged
 * @param plan {@code standard} (default), {@code advanced}, {@code plus} or {@code enterprise}
 * @param scopes the token's scopes, comma-separated, as Shopify reports them (optional)
 */
public record ShopRegistrationRequest(
    @NotBlank(message = "is required")
        @Pattern(
            regexp = "(?i)\\s*[a-z0-9][a-z0-9-]*\\.myshopify\\.com\\s*",
            message = "must be a <name>.myshopify.com domain")
        String shop,
    @NotBlank(message = "is required") @Size(max = 512, message = "is too long") String accessToken,
    @Pattern(regexp = "standard|advanced|plus|enterprise", message = "must be standard, advanced, plus or enterprise")
        String plan,
    @Size(max = 2000, message = "is too long") String scopes) {}
