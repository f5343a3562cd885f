package dev.forum.extraction.runtime.inherited.shop;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** Module shop's reading contract, which {@link ShopApi} extends (user12's CatalogReadApi). */
@HttpExchange("/api/shop")
public interface ShopReadApi {

    @GetExchange("/{sku}")
    String find(@PathVariable("sku") String sku);
}
