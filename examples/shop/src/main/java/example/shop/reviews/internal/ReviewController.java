package example.shop.reviews.internal;

import example.shop.ratings.RatingService;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reviews")
class ReviewController {

    private final RatingService ratings;

    ReviewController(RatingService ratings) {
        this.ratings = ratings;
    }

    @GetMapping("/{sku}")
    Map<String, Object> review(@PathVariable("sku") String sku) {
        return Map.of("sku", sku, "stars", ratings.stars(sku));
    }
}
