package dev.forum.extraction.runtime.inherited.shop;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** Module shop's full contract: its reading one and a write. */
@HttpExchange("/api/shop")
public interface ShopApi extends ShopReadApi {

    @PostExchange("/{sku}")
    String add(@PathVariable("sku") String sku);
}
