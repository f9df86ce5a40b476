package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad configuration stops the packaged application at start-up, with a message naming the key. */
class StartupValidationIT {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "switchboard.routes.gpt-4o.provider=azure | switchboard.routes.gpt-4o.provider",
            "switchboard.routes.extra.provider=openai | switchboard.routes.extra.model",
            "switchboard.chain=claude-sonnet,gpt-5 | switchboard.chain[1]",
            "switchboard.routes.gpt-4o.input-price=-2 | switchboard.routes.gpt-4o.input-price",
            "switchboard.routing.deadline=soon | switchboard.routing.deadline" })
    void refusesToStart(String property, String namedKey) throws Exception {
        try (PackagedApp app = PackagedApp.start(property)) {
            assertThat(app.exitCode()).as(app.output()).isNotZero();
            assertThat(app.output()).contains(namedKey).doesNotContain("Listening on");
        }
    }
}
