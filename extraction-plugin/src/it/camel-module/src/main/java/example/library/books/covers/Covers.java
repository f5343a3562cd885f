package example.library.books.covers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The nested module's one bean: a cover image URL per ISBN. */
@Component
public class Covers {

    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public String url(String isbn) {
        return urls.getOrDefault(isbn, "/covers/none.png");
    }
}
