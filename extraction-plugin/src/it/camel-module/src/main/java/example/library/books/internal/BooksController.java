package example.library.books.internal;

import example.library.books.BooksApi;
import java.util.List;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BooksController implements BooksApi {

    @Override
    public List<String> titles() {
        return List.of("Emma", "Persuasion");
    }
}
