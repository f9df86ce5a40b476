package dev.switchboard.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects every log line the application writes while a test runs, to check what reaches logs. */
public class LogCapture extends Handler {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    public void start() {
        Logger.getLogger("").addHandler(this);
    }

    public void stop() {
        Logger.getLogger("").removeHandler(this);
    }

    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        if (parameters != null && message != null) {
            try {
                message = String.format(message, parameters);
            } catch (RuntimeException notAFormat) {
                message = message + " " + java.util.Arrays.toString(parameters);
            }
        }
        lines.add(record.getLoggerName() + " " + message + (record.getThrown() == null ? "" : " " + record.getThrown()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
