package dev.neanelu.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** REST product webhook payloads become catalog rows under the GraphQL names the bulk export stores. */
class RestProductTest {

  private static final String PAYLOAD =
      "{\"admin_graphql_api_id\":\"gid://shopify/Product/10\",\"id\":10,\"title\":\"Tee\\u0000 red\","
          + "\"body_html\":\"<b>x</b>\",\"handle\":\"tee\",\"vendor\":\"V\",\"product_type\":\"Shirts\","
          + "\"status\":\"draft\",\"tags\":\"a, b ,, c\",\"created_at\":\"2024-01-01T00:00:00Z\","
          + "\"updated_at\":\"2024-02-01T10:00:00-05:00\","
          + "\"options\":[{\"name\":\"Size\",\"position\":1,\"values\":[\"S\",\"M\"]}],"
          + "\"variants\":[{\"admin_graphql_api_id\":\"gid://shopify/ProductVariant/11\",\"id\":11,\"sku\":\"T-S\","
          + "\"title\":\"S\",\"position\":1,\"inventory_policy\":\"continue\",\"option1\":\"S\",\"option2\":null,"
          + "\"price\":\"9.00\",\"updated_at\":\"2024-02-01T15:00:00Z\"}],"
          + "\"images\":[{\"id\":99,\"src\":\"https://cdn/x.png\"}],"
          + "\"media\":[{\"id\":12,\"admin_graphql_api_id\":\"gid://shopify/MediaImage/12\","
          + "\"media_content_type\":\"IMAGE\",\"status\":\"READY\",\"alt\":\"front\","
          + "\"preview_image\":{\"src\":\"https://cdn/x.png\",\"width\":5,\"height\":6}}]}";

  @Test
  void fieldsAreStoredUnderGraphqlNames() {
    CatalogChange p = RestProduct.from(json(PAYLOAD));
    assertThat(p.product().id()).isEqualTo(10);
    assertThat(p.product().title()).isEqualTo("Tee\uFFFD red");
    assertThat(p.product().status()).isEqualTo("DRAFT");
    assertThat(p.product().tags()).containsExactly("a", "b", "c");
    assertThat(p.product().updatedAt()).isEqualTo(Instant.parse("2024-02-01T15:00:00Z"));
    JsonObject f = p.product().fields();
    assertThat(f.getString("id")).isEqualTo("gid://shopify/Product/10");
    assertThat(f.getString("descriptionHtml")).isEqualTo("<b>x</b>");
    assertThat(f.getString("productType")).isEqualTo("Shirts");
    assertThat(f.getString("title")).isEqualTo("Tee\uFFFD red");
    assertThat(f.getJsonArray("tags")).hasSize(3);
    assertThat(f.containsKey("body_html")).isFalse();
  }

  @Test
  void variantsGetTheirSelectedOptionsAndMediaTheirMediaImageIds() {
    CatalogChange p = RestProduct.from(json(PAYLOAD));
    assertThat(p.variants()).singleElement().satisfies(v -> {
      assertThat(v.id()).isEqualTo(11);
      assertThat(v.parentId()).isEqualTo(10);
      assertThat(v.fields().getString("inventoryPolicy")).isEqualTo("CONTINUE");
      assertThat(v.fields().getJsonArray("selectedOptions").getJsonObject(0).getString("name")).isEqualTo("Size");
    });
    assertThat(p.media()).singleElement().satisfies(m -> {
      assertThat(m.id()).isEqualTo(12);
      assertThat(m.type()).isEqualTo("IMAGE");
      assertThat(m.fields().getJsonObject("image").getString("url")).isEqualTo("https://cdn/x.png");
    });
  }

  @Test
  void anIdOfAnotherTypeIsNotAProduct() {
    String variantAsProduct = PAYLOAD.replace("gid://shopify/Product/10", "gid://shopify/ProductVariant/10");
    assertThatThrownBy(() -> RestProduct.from(json(variantAsProduct))).isInstanceOf(IllegalArgumentException.class);
  }

  private static JsonObject json(String s) {
    return Json.createReader(new StringReader(s)).readObject();
  }
}
