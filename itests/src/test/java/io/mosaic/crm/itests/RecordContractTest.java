package io.mosaic.crm.itests;

import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.RecordContract;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The record kit's standard contract for the customers module's accounts and contacts. */
class RecordContractTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();

    @TestFactory
    Stream<DynamicTest> accounts() {
        return RecordContract.of("/api/customers/accounts", "customers.accounts")
                .sample(n -> "{\"name\":\"Contract " + n + "\",\"website\":\"contract-" + n + ".example\",\"annualRevenue\":1000.50}")
                .duplicateOf(n -> "{\"name\":\"CONTRACT " + n + "\",\"website\":\"https://www.contract-" + n + ".example/\"}")
                .patch("{\"city\":\"Bonn\"}", "city")
                .invalid("{\"name\":\"\",\"email\":\"not-an-address\",\"employees\":-1}", "name", "email", "employees")
                .hiddenField("annualRevenue", "{\"annualRevenue\":2500}")
                .tests(server.admin(), server::as);
    }

    @TestFactory
    Stream<DynamicTest> contacts() {
        return RecordContract.of("/api/customers/contacts", "customers.contacts")
                .sample(n -> "{\"lastName\":\"Contract " + n + "\",\"email\":\"contract-" + n + "@people.example\"}")
                .duplicateOf(n -> "{\"lastName\":\"Other\",\"email\":\"CONTRACT-" + n + "@people.example\"}")
                .patch("{\"title\":\"Buyer\"}", "title")
                .invalid("{\"lastName\":\"\",\"email\":\"x\",\"accountId\":987654321}", "lastName", "email")
                .hiddenField("email", "{\"email\":null}")
                .tests(server.admin(), server::as);
    }
}
