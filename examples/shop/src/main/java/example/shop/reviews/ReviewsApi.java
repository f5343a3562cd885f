package example.shop.reviews;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The reviews' contract: its prefix is where a load balancer sends reviews' requests once reviews runs in a service. */
@HttpExchange(url = "/api/reviews", accept = "application/json")
public interface ReviewsApi {

    @GetExchange("/{sku}")
    Review review(@PathVariable("sku") String sku);
}
