package example.library.loans.internal;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Mapped apart from LoansController: the load balancer has one rule per module, so loans has no route prefix. */
@RestController
@RequestMapping("/api/renewals")
class RenewalsController {

    @GetMapping
    List<String> due() {
        return List.of();
    }
}
