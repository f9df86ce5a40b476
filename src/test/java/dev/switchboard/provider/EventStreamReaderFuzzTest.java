package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the event-stream reader: the first byte picks how the body arrives (in pieces of 1 to 64
 * bytes), the rest is the body. However it is cut, it reads as the same events as when it arrives
 * whole; any exception is a finding. Seeds: the providers' documented streams, in
 * {@code src/test/resources/dev/switchboard/provider/EventStreamReaderFuzzTestInputs/}.
 */
class EventStreamReaderFuzzTest {

    @FuzzTest
    // libFuzzer's dictionary format: control bytes as \xNN (CRLF, LF LF, CR, a UTF-8 byte order mark).
    @DictionaryEntries({ "event: ", "data: ", "data:", ": ", "id: ", "retry: ", "\\x0D\\x0A", "\\x0A\\x0A", "\\x0D",
            "\\xEF\\xBB\\xBF" })
    void theEventsDoNotDependOnHowTheBytesArrive(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] body = Arrays.copyOfRange(data, 1, data.length);
        int pieceSize = 1 + Math.floorMod(data[0], 64);
        List<EventStreamReader.Event> whole = readInPieces(body, Math.max(1, body.length));
        List<EventStreamReader.Event> cut = readInPieces(body, pieceSize);
        assertThat(cut).isEqualTo(whole);
        assertThat(whole).allSatisfy(event -> {
            assertThat(event.data()).isNotNull();
            assertThat(event.name() == null || !event.name().isEmpty()).as("a name is absent or not empty").isTrue();
        });
    }

    private static List<EventStreamReader.Event> readInPieces(byte[] body, int size) {
        EventStreamReader reader = new EventStreamReader(ProviderId.OPENAI);
        List<EventStreamReader.Event> events = new ArrayList<>();
        for (int from = 0; from < body.length; from += size) {
            events.addAll(reader.read(Arrays.copyOfRange(body, from, Math.min(body.length, from + size))));
        }
        return events;
    }
}
