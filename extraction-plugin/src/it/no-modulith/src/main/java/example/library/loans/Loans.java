package example.library.loans;

import example.library.books.BookCatalog;
import org.springframework.stereotype.Service;

@Service
public class Loans {

    private final BookCatalog catalog;

    Loans(BookCatalog catalog) {
        this.catalog = catalog;
    }

    public boolean lend(String isbn) {
        return catalog.exists(isbn);
    }
}
