package dev.neanelu.simulator.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * A product being assembled or edited: the mutable scratch form behind generation, JSONL loading
 * and mutations. Fields are public on purpose; a draft lives inside one method call and is then
 * frozen by {@link #build()}.
 */
public final class ProductDraft {

  public long id;
  public String title = "";
  public String handle = "";
  public String status = "ACTIVE";
  public String vendor = "";
  public String productType = "";
  public List<String> tags = new ArrayList<>();
  public String descriptionHtml = "";
  public long createdAt;
  public long updatedAt;
  public List<String> optionNames = new ArrayList<>();
  public List<Variant> variants = new ArrayList<>();
  public List<Metafield> metafields = new ArrayList<>();
  public List<MediaImage> media = new ArrayList<>();

  public ProductDraft() {}

  public ProductDraft(Product p) {
    id = p.id();
    title = p.title();
    handle = p.handle();
    status = p.status();
    vendor = p.vendor();
    productType = p.productType();
    tags = new ArrayList<>(p.tags());
    descriptionHtml = p.descriptionHtml();
    createdAt = p.createdAt();
    updatedAt = p.updatedAt();
    optionNames = new ArrayList<>(p.optionNames());
    variants = new ArrayList<>(p.variants());
    metafields = new ArrayList<>(p.metafields());
    media = new ArrayList<>(p.media());
  }

  public Product build() {
    return new Product(
        id,
        title,
        handle,
        status,
        vendor,
        productType,
        List.copyOf(tags),
        descriptionHtml,
        createdAt,
        updatedAt,
        List.copyOf(optionNames),
        List.copyOf(variants),
        List.copyOf(metafields),
        List.copyOf(media));
  }
}
