package dev.berth.conformance.suite.pull;

import dev.berth.conformance.suite.support.Expect;
import dev.berth.conformance.suite.support.RegistryClient;
import dev.berth.conformance.suite.support.SpecChecks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@SpecChecks
@DisplayName("Pull: determining support (end-1)")
class ApiVersionChecks {

    @Test
    @DisplayName(
            "end-1: GET /v2/ answers 200 — \"If the response is 200 OK, then the registry implements this specification\"")
    void baseEndpointAnswers200(RegistryClient client) {
        Expect.status(client.call("GET", "/v2/").send(), 200);
    }
}
