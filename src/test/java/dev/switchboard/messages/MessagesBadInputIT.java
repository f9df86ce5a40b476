package dev.switchboard.messages;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link MessagesBadInputTest}, against the packaged artifact. */
@QuarkusIntegrationTest
class MessagesBadInputIT extends MessagesBadInputTest {
}
