package dev.forum.extraction.runtime.inherited.shop.audit;

import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** A contract of module shop unrelated to the others, whose simple name another package of shop uses too. */
@HttpExchange("/api/shop/audit")
public interface AuditApi {

    @GetExchange("/last")
    String auditLast();
}
