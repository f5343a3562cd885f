package example.library.invoices.internal;

import example.library.customers.Customer;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Maps customers' entity directly: the two modules share it. */
@Entity
class Invoice {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne
    private Customer customer;

    private int totalCents;

    protected Invoice() {
    }
}
