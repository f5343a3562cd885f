package example.library.customers.internal;

import example.library.customers.Customer;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CustomerController {

    private final CustomerRepository customers;

    CustomerController(CustomerRepository customers) {
        this.customers = customers;
    }

    @PostMapping("/api/customers")
    Customer create(@RequestBody String name) {
        return customers.save(new Customer(name));
    }
}
