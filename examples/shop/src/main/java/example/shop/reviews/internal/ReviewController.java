package example.shop.reviews.internal;

import example.shop.ratings.RatingService;
import example.shop.reviews.Review;
import example.shop.reviews.ReviewsApi;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReviewController implements ReviewsApi {

    private final RatingService ratings;

    ReviewController(RatingService ratings) {
        this.ratings = ratings;
    }

    @Override
    public Review review(String sku) {
        return new Review(sku, ratings.stars(sku));
    }
}
