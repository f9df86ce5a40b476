package dev.switchboard.api.responses;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ResponsesBadInputTest}, against the packaged artifact (the native executable with -Pnative). */
@QuarkusIntegrationTest
class ResponsesBadInputIT extends ResponsesBadInputTest {
}
