package example.shop.catalog.internal;

import example.shop.catalog.CatalogApi;
import example.shop.catalog.Product;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class CatalogController implements CatalogApi {

    private static final Map<String, Product> PRODUCTS = Map.of(
            "tea", new Product("tea", "Green tea", 450),
            "mug", new Product("mug", "Blue mug", 1200));

    @Override
    public Product product(String sku) {
        Product product = PRODUCTS.get(sku);
        if (product == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no product " + sku);
        }
        return product;
    }
}
