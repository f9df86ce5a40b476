package dev.switchboard.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link OpenAiSdkTest}, against the packaged artifact. */
@QuarkusIntegrationTest
class OpenAiSdkIT extends OpenAiSdkTest {
}
