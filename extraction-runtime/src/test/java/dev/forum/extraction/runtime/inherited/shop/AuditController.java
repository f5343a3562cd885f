package dev.forum.extraction.runtime.inherited.shop;

import org.springframework.stereotype.Component;

/** Implements shop's two unrelated contracts named AuditApi. */
@Component
public class AuditController implements dev.forum.extraction.runtime.inherited.shop.audit.AuditApi,
        dev.forum.extraction.runtime.inherited.shop.admin.AuditApi {

    @Override
    public String auditLast() {
        return "shop:audit";
    }

    @Override
    public String adminLast() {
        return "shop:admin";
    }
}
