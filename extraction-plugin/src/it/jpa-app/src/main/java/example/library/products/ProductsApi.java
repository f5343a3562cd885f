package example.library.products;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

@HttpExchange(url = "/api/products", accept = "application/json")
public interface ProductsApi {

    @GetExchange("/{id}")
    ProductView get(@PathVariable("id") long id);

    @PostExchange(contentType = "application/json")
    ProductView create(@RequestBody ProductView product);
}
