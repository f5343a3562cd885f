package example.library.reports.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Reads invoices' table under a name of its own. */
@Entity
@Table(name = "invoice")
class InvoiceSummary {

    @Id
    private Long id;

    private int totalCents;

    protected InvoiceSummary() {
    }
}
