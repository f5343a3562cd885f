package example.shop.ratings;

import org.springframework.stereotype.Service;

/** Published as a plain bean: other modules call it in process only. */
@Service
public class RatingService {

    public int stars(String sku) {
        return sku.length() % 5 + 1;
    }
}
