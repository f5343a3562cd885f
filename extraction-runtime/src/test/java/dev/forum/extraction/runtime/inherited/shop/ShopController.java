package dev.forum.extraction.runtime.inherited.shop;

import org.springframework.stereotype.Component;

/** The one implementation of both of shop's contracts (a controller in a web application). */
@Component
public class ShopController implements ShopApi {

    @Override
    public String find(String sku) {
        return "shop:find " + sku;
    }

    @Override
    public String add(String sku) {
        return "shop:add " + sku;
    }
}
