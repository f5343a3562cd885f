package example.library.books;

import org.springframework.stereotype.Service;

@Service
public class BookCatalog {

    public boolean exists(String isbn) {
        return !isbn.isBlank();
    }
}
