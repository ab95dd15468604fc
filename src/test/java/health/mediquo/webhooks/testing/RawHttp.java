package health.mediquo.webhooks.testing;

import health.mediquo.webhooks.testing.Receiver.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends bytes to the receiver exactly as given, for requests that {@code java.net.http} refuses to build (bad
 * escapes, control characters, wrong {@code Content-Length}s), and reads the one answer of the connection.
 */
public final class RawHttp {

    private static final int READ_TIMEOUT_MILLIS = 90_000;

    private RawHttp() {}

    /** The answer, or null when the server closed the connection without one. */
    public static Answer exchange(byte[] request) {
        try (Socket socket = new Socket(Receiver.SERVER.getHost(), Receiver.SERVER.getPort())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (SocketException answeredBeforeTheWholeRequestWasRead) {
                // The server may refuse an oversized head before reading all of it; its answer is still to be read.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketException resetAfterTheAnswer) {
            // A reset after the answer (unread request bytes on the server's side) does not undo the answer.
        }
        return bytes.toByteArray();
    }

    private static Answer parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || headEnd < 0) {
            return null;
        }
        String[] head = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        String contentType = "";
        String authenticate = null;
        boolean chunked = false;
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            String name = head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = head[i].substring(colon + 1).trim();
            switch (name) {
                case "content-type" -> contentType = value;
                case "www-authenticate" -> authenticate = value;
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                default -> {}
            }
        }
        String body = text.substring(headEnd + 4);
        String decoded = new String(
                (chunked ? dechunk(body) : body).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return new Answer(status, contentType, null, authenticate, null, decoded);
    }

    private static String dechunk(String body) {
        StringBuilder content = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size =
                    Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return content.toString();
            }
            content.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
