package example.library.products.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
class Product {

    @Id
    @GeneratedValue
    Long id;

    String title;

    protected Product() {
    }

    Product(String title) {
        this.title = title;
    }
}
