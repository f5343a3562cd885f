package example.library.loans.internal;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** loans has no HTTP contract: its controllers' class-level mappings would be its route, but they disagree. */
@RestController
@RequestMapping("/api/loans")
class LoansController {

    @GetMapping
    List<String> open() {
        return List.of("Emma");
    }
}
