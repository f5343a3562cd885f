package example.library.books;

import java.util.List;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** Books' HTTP contract: the load balancer's rule for the books service comes from its prefix. */
@HttpExchange(url = "/api/books", accept = "application/json")
public interface BooksApi {

    @GetExchange
    List<String> titles();
}
