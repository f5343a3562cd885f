package dev.forum.extraction.runtime.inherited.buyer;

import dev.forum.extraction.runtime.inherited.shop.ShopApi;
import dev.forum.extraction.runtime.inherited.shop.ShopReadApi;
import dev.forum.extraction.runtime.inherited.shop.admin.AuditApi;
import org.springframework.stereotype.Service;

/** Module buyer: injects shop's reading contract, its full contract, and both contracts named AuditApi. */
@Service
public class Buyer {

    private final ShopReadApi read;
    private final ShopApi shop;
    private final dev.forum.extraction.runtime.inherited.shop.audit.AuditApi audit;
    private final AuditApi admin;

    public Buyer(ShopReadApi read, ShopApi shop, dev.forum.extraction.runtime.inherited.shop.audit.AuditApi audit, AuditApi admin) {
        this.read = read;
        this.shop = shop;
        this.audit = audit;
        this.admin = admin;
    }

    /** Every call once, joined by {@code |}. */
    public String buy(String sku) {
        return String.join("|", read.find(sku), shop.add(sku), audit.auditLast(), admin.adminLast());
    }
}
