package dev.switchboard.chat;

/** Where an image's bytes are: at a URL the provider fetches, or in the request itself. */
public sealed interface ImageSource {

    /** The image as OpenAI's {@code image_url.url} carries it: the URL, or a {@code data:} URL. */
    String asUrl();

    /** An {@code http(s)} URL. */
    record Remote(String url) implements ImageSource {
        @Override
        public String asUrl() {
            return url;
        }
    }

    /**
     * Bytes sent with the request, base64-encoded, from a {@code data:<media type>;base64,<data>} URL.
     *
     * @param mediaType e.g. {@code image/png}
     * @param base64    the encoded bytes, as the caller sent them
     */
    record Inline(String mediaType, String base64) implements ImageSource {
        @Override
        public String asUrl() {
            return "data:" + mediaType + ";base64," + base64;
        }

        /** How many bytes the image decodes to, without decoding it. */
        public long decodedBytes() {
            int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
            return (long) base64.length() * 3 / 4 - padding;
        }
    }
}
