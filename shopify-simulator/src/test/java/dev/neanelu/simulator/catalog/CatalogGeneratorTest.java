package dev.neanelu.simulator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The generator is deterministic and plants hostile-but-valid content: emoji, RTL marks, control
 * characters, broken HTML, very long descriptions, 250 tags; products have several variants,
 * metafields on both levels and images.
 */
class CatalogGeneratorTest {

  private static final List<Product> CATALOG =
      IntStream.rangeClosed(1, 1000).mapToObj(i -> CatalogGenerator.product(i, 42)).toList();

  @Test
  void sameSeedSameCatalogOtherSeedOtherCatalog() {
    assertThat(CatalogGenerator.product(123, 42)).isEqualTo(CATALOG.get(122));
    assertThat(CatalogGenerator.product(123, 43)).isNotEqualTo(CATALOG.get(122));
  }

  @Test
  void productsAreRichEnoughForCatalogIngest() {
    assertThat(CATALOG)
        .allSatisfy(
            p -> {
              assertThat(p.variants()).isNotEmpty();
              assertThat(p.metafields()).isNotEmpty();
              assertThat(p.media()).isNotEmpty();
              assertThat(p.variants().get(0).metafields()).isNotEmpty();
            });
    double linesPerProduct = CATALOG.stream().mapToInt(Product::objectCount).average().orElse(0);
    assertThat(linesPerProduct).isBetween(7.0, 10.0);
    assertThat(CATALOG.stream().mapToInt(p -> p.variants().size()).max().orElse(0))
        .isGreaterThanOrEqualTo(4);
  }

  @Test
  void hostileContentIsPresent() {
    assertThat(CATALOG).anyMatch(p -> p.title().codePoints().anyMatch(c -> c >= 0x1F300));
    assertThat(CATALOG).anyMatch(p -> p.title().contains("\u200F"));
    assertThat(CATALOG).anyMatch(p -> p.title().chars().anyMatch(c -> c < 0x20 && c != '\t'));
    assertThat(CATALOG).anyMatch(p -> p.descriptionHtml().contains("<script>"));
    assertThat(CATALOG).anyMatch(p -> p.descriptionHtml().length() >= 200_000);
    assertThat(CATALOG).anyMatch(p -> p.tags().size() == 250);
    assertThat(CATALOG).noneMatch(p -> p.title().contains("\u0000"));
  }

  @Test
  void idsAreUniqueAcrossTheCatalog() {
    long distinct =
        CATALOG.stream().flatMap(p -> p.variants().stream().map(Variant::id)).distinct().count();
    assertThat(distinct).isEqualTo(CATALOG.stream().mapToLong(p -> p.variants().size()).sum());
  }
}
