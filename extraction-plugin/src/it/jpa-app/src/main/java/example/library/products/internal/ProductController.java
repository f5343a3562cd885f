package example.library.products.internal;

import example.library.products.ProductView;
import example.library.products.ProductsApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class ProductController implements ProductsApi {

    private final ProductRepository products;

    ProductController(ProductRepository products) {
        this.products = products;
    }

    @Override
    public ProductView get(long id) {
        Product product = products.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new ProductView(product.id, product.title);
    }

    @Override
    public ProductView create(ProductView product) {
        Product saved = products.save(new Product(product.title()));
        return new ProductView(saved.id, saved.title);
    }
}
