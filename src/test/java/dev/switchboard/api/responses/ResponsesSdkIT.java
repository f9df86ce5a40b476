package dev.switchboard.api.responses;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ResponsesSdkTest}, against the packaged artifact (the native executable with -Pnative). */
@QuarkusIntegrationTest
class ResponsesSdkIT extends ResponsesSdkTest {
}
